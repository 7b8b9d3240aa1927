package dev.relive.runtime.internal.upload;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import dev.relive.api.UploadHandler;
import dev.relive.api.UploadedFile;
import dev.relive.api.ViewSession;
import dev.relive.runtime.internal.invoke.InvocationException;
import dev.relive.runtime.internal.protocol.ErrorCode;

/**
 * Finds a view's {@link UploadHandler} methods by upload name, on the view's current class (so a view replaced by
 * Hot View Replacement is asked with its new code), and calls them.
 */
public final class UploadHandlers {

    private UploadHandlers() {
    }

    /** The public method of {@code view} handling upload {@code name}, or {@code null}. */
    public static Method find(Object view, String name) {
        for (Method m : view.getClass().getMethods()) {
            UploadHandler h = m.getAnnotation(UploadHandler.class);
            if (h != null && h.value().equals(name) && !Modifier.isStatic(m.getModifiers())) {
                return m;
            }
        }
        return null;
    }

    /** Calls {@code method} with {@code file} (and {@code session} for a {@link ViewSession} parameter). */
    public static void call(Method method, Object view, UploadedFile file, ViewSession session) {
        Class<?>[] types = method.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i] == UploadedFile.class) {
                args[i] = file;
            } else if (types[i] == ViewSession.class) {
                args[i] = session;
            } else {
                throw new InvocationException(ErrorCode.BAD_PARAMS, method.getName()
                        + " may take only an UploadedFile and a ViewSession", null);
            }
        }
        try {
            method.invoke(view, args);
        } catch (InvocationTargetException e) {
            throw new InvocationException(ErrorCode.HANDLER_FAILED, method.getName() + " threw " + e.getCause(),
                    e.getCause());
        } catch (IllegalAccessException e) {
            throw new InvocationException(ErrorCode.HANDLER_FAILED, "cannot call " + method.getName(), e);
        }
    }
}
