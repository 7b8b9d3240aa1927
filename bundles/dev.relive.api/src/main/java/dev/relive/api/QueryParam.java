package dev.relive.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sets this field of a routed {@link LiveView} from a query parameter of the page's URL:
 * {@code @QueryParam(ifAbsent = "all") private Filter filter;} holds {@code Filter.OPEN} on {@code /tasks?filter=open}.
 *
 * <p>Set when and as {@link RouteParam} fields are, with the same types. When the URL has no such parameter the
 * field gets {@link #ifAbsent()} converted, or {@code null} (zero, {@code false} for primitives) when that is empty.
 * A value that does not convert gives the page a 404; within a live page the URL change is refused.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface QueryParam {
    /** The query parameter's name; empty (the default) for the field's name. */
    String value() default "";

    /** The value used when the URL does not carry the parameter; empty for none. */
    String ifAbsent() default "";
}
