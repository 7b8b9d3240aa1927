package dev.relive.runtime.internal.state;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.relive.runtime.spi.HandlerNames;

/**
 * What of a view class the live browser and the carried state depend on, by names only (old and new classes come
 * from different class loaders): its {@code @EventHandler} methods by client name (the annotation's value, else
 * the method name) with their parameter names and generic type names in order ({@code ViewSession} parameters
 * included), its state fields' generic type names (see {@link StateFields}), and its superclasses from the direct
 * one up to {@code dev.relive.api.LiveView} (or {@code java.lang.Object}, not included).
 */
public record ClassShape(String className, Map<String, Handler> handlers, Map<String, String> fields,
        List<String> superclasses) {

    static final String EVENT_HANDLER = "dev.relive.api.EventHandler";

    public ClassShape {
        handlers = Collections.unmodifiableMap(new TreeMap<>(handlers));
        fields = Collections.unmodifiableMap(new TreeMap<>(fields));
        superclasses = List.copyOf(superclasses);
    }

    /** One event handler: the client's name for it, and its parameters' names and generic type names. */
    public record Handler(String name, List<String> parameterNames, List<String> parameterTypes) {
        public Handler {
            parameterNames = List.copyOf(parameterNames);
            parameterTypes = List.copyOf(parameterTypes);
        }
    }

    public static ClassShape of(Class<?> viewClass) {
        Map<String, Handler> handlers = new TreeMap<>();
        for (Method method : viewClass.getMethods()) {
            if (method.isBridge() || method.isSynthetic()) {
                continue;
            }
            for (Annotation annotation : method.getAnnotations()) {
                if (annotation.annotationType().getName().equals(EVENT_HANDLER)) {
                    String name = clientName(annotation, method);
                    handlers.putIfAbsent(name, handler(name, method));
                }
            }
        }
        Map<String, String> fields = new TreeMap<>();
        StateFields.byName(viewClass)
                .forEach((name, field) -> fields.put(name, field.getGenericType().getTypeName()));
        List<String> superclasses = new ArrayList<>();
        for (Class<?> c = viewClass.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass()) {
            superclasses.add(c.getName());
            if (c.getName().equals(StateFields.LIVE_VIEW)) {
                break;
            }
        }
        return new ClassShape(viewClass.getName(), handlers, fields, superclasses);
    }

    private static Handler handler(String name, Method method) {
        Parameter[] parameters = method.getParameters();
        return new Handler(name, Arrays.stream(parameters).map(Parameter::getName).toList(),
                Arrays.stream(parameters).map(p -> p.getParameterizedType().getTypeName()).toList());
    }

    private static String clientName(Annotation annotation, Method method) {
        try {
            Object value = annotation.annotationType().getMethod("value").invoke(annotation);
            return HandlerNames.clientName(value instanceof String s ? s : null, method.getName());
        } catch (ReflectiveOperationException e) {
            return method.getName();
        }
    }
}
