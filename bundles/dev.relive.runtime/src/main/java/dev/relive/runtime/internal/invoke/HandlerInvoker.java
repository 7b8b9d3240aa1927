package dev.relive.runtime.internal.invoke;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.ViewSession;
import dev.relive.runtime.internal.protocol.ErrorCode;
import dev.relive.runtime.spi.HandlerNames;

/**
 * Calls {@link EventHandler} methods, and nothing else, by their client name, binding parameters by name and
 * converting them with Jackson to the declared types.
 */
public final class HandlerInvoker {

    private static final ClassValue<Map<String, Method>> HANDLERS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> handlers = new HashMap<>();
            for (Method m : type.getMethods()) {
                String name = HandlerNames.clientName(m);
                if (name != null && !Modifier.isStatic(m.getModifiers())) {
                    handlers.putIfAbsent(name, m);
                }
            }
            return Map.copyOf(handlers);
        }
    };

    private final Supplier<ObjectMapper> json;

    public HandlerInvoker(ObjectMapper json) {
        this(() -> json);
    }

    /** With the mapper {@code json} gives when a parameter is first converted. */
    public HandlerInvoker(Supplier<ObjectMapper> json) {
        this.json = json;
    }

    /** The handler methods of a view class, by client name. */
    public static Map<String, Method> handlers(Class<?> viewClass) {
        return HANDLERS.get(viewClass);
    }

    /**
     * Runs handler {@code name} of {@code view}.
     *
     * @throws InvocationException with code {@code unknown_handler}, {@code bad_params} or {@code handler_failed}
     */
    public void invoke(LiveView view, String name, JsonNode params, ViewSession session) {
        Method method = handlers(view.getClass()).get(name);
        if (method == null) {
            throw new InvocationException(ErrorCode.UNKNOWN_HANDLER,
                    view.getClass().getSimpleName() + " has no @EventHandler named '" + name + "'", null);
        }
        Object[] args = bind(method, params == null ? NullNode.instance : params, session);
        try {
            method.invoke(view, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new InvocationException(ErrorCode.HANDLER_FAILED, view.getClass().getSimpleName() + "." + name
                    + " threw " + cause.getClass().getName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
        } catch (IllegalAccessException e) {
            throw new InvocationException(ErrorCode.UNKNOWN_HANDLER, "handler '" + name + "' is not accessible", e);
        }
    }

    private Object[] bind(Method method, JsonNode params, ViewSession session) {
        Parameter[] parameters = method.getParameters();
        Object[] args = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Parameter p = parameters[i];
            if (p.getType() == ViewSession.class) {
                args[i] = session;
                continue;
            }
            if (!p.isNamePresent()) {
                throw new InvocationException(ErrorCode.BAD_PARAMS, method.getName()
                        + ": parameter names are missing; compile the view with -parameters", null);
            }
            JsonNode value = params.get(p.getName());
            if (value == null || value.isNull()) {
                if (p.getType().isPrimitive()) {
                    throw new InvocationException(ErrorCode.BAD_PARAMS, method.getName() + ": missing parameter '"
                            + p.getName() + "' (" + p.getType().getSimpleName() + ")", null);
                }
                args[i] = null;
                continue;
            }
            try {
                ObjectMapper mapper = json.get();
                args[i] = mapper.convertValue(value, mapper.constructType(p.getParameterizedType()));
            } catch (IllegalArgumentException e) {
                throw new InvocationException(ErrorCode.BAD_PARAMS, method.getName() + ": parameter '"
                        + p.getName() + "' cannot be read as " + p.getParameterizedType().getTypeName() + " from "
                        + abbreviate(value), null);
            }
        }
        return args;
    }

    private static String abbreviate(JsonNode value) {
        String s = value.toString();
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
