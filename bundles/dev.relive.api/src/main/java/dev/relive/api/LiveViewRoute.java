package dev.relive.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type giving a view its page route, e.g. {@code @LiveViewRoute("/counter")}. It sets the
 * service property {@value #PROPERTY}. Views without a route can only be embedded as child views.
 */
@Documented
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface LiveViewRoute {
    /** The service property holding the route. */
    String PROPERTY = "live.view.route";

    /** The path of the page, starting with {@code /}. */
    String value();
}
