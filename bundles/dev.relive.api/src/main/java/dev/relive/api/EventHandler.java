package dev.relive.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method of a {@link LiveView} as callable from the browser. No other method can be called by a
 * client. Parameters are bound by name from the event's parameters (compile with {@code -parameters}) and
 * converted to their declared types; a {@link ViewSession} parameter receives the current session.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface EventHandler {
    /** The name the client uses; defaults to the method's name. */
    String value() default "";
}
