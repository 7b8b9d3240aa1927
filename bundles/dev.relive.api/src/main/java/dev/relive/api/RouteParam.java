package dev.relive.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sets this field of a routed {@link LiveView} from a parameter of its route: with
 * {@code @LiveViewRoute("/tasks/{id}")}, {@code @RouteParam private long id;} holds {@code 3} on {@code /tasks/3}.
 *
 * <p>The field is set before {@link LiveView#mount} and again on every URL change within the view, before
 * {@link LiveView#urlChanged}. Supported types: {@code String}, {@code int}, {@code long}, {@code boolean},
 * {@code double}, their boxes, enums (by constant name, case-insensitive) and {@code UUID}. A value that does not
 * convert gives the page a 404, as if no view served the URL.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface RouteParam {
    /** The parameter's name in the route; empty (the default) for the field's name. */
    String value() default "";
}
