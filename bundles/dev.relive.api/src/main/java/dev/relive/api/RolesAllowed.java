package dev.relive.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type restricting a view to signed-in users with one of the given roles, e.g.
 * {@code @RolesAllowed("user")}; {@value #ANY_USER} admits every signed-in user. It sets the service property
 * {@value #PROPERTY}. A view without it is public.
 *
 * <p>The runtime checks the rule when the page is loaded, when its socket mounts or re-mounts after a reconnect, and
 * on every live navigation to it. A visitor who is not signed in is sent to the login page (an HTTP redirect, or a
 * {@code redirect} frame on the socket) and brought back after signing in; a signed-in user without one of the roles
 * gets a 403 page.
 */
@Documented
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface RolesAllowed {
    /** Prefix of the service property's name. */
    String PREFIX_ = "live.view.";

    /** The service property holding the roles. */
    String PROPERTY = "live.view.roles.allowed";

    /** The role that stands for every signed-in user. */
    String ANY_USER = "*";

    /** The roles, any one of which admits a user. */
    String[] value();
}
