package dev.relive.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Allows two-way binding ({@code rl-model="field"}) of a browser input to this field of a {@link LiveView}.
 * Fields without it cannot be set by a client. The value is converted to the field's type.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Bind {
}
