package dev.relive.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type making a view the application's page for an HTTP error status:
 * {@code @ErrorPage(404)} for unknown URLs, {@code @ErrorPage(500)} for views that fail. It sets the service
 * property {@value #PROPERTY}. The view is mounted with the parameters {@code status} and {@code path}; without
 * one, or when it fails itself, the runtime's built-in page is shown.
 */
@Documented
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ErrorPage {
    /** Prefix of the property name. */
    String PREFIX_ = "live.view.";

    /** The service property holding the status. */
    String PROPERTY = "live.view.error.page";

    /** The HTTP status the view is the page for: 404 or 500. */
    int value();
}
