package dev.relive.runtime.spi;

import java.lang.reflect.Method;

import dev.relive.api.EventHandler;

/** The name a client calls an {@link EventHandler} method by: the annotation's value, else the method's name. */
public final class HandlerNames {

    private HandlerNames() {
    }

    /** The client name of {@code handler}, or {@code null} when it carries no {@link EventHandler}. */
    public static String clientName(Method handler) {
        EventHandler annotation = handler.getAnnotation(EventHandler.class);
        return annotation == null ? null : clientName(annotation.value(), handler.getName());
    }

    /** The client name of a handler method {@code methodName} whose annotation's value is {@code value}. */
    public static String clientName(String value, String methodName) {
        return value == null || value.isEmpty() ? methodName : value;
    }
}
