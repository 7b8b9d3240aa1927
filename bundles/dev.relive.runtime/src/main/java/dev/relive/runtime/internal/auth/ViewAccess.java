package dev.relive.runtime.internal.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.ServiceReference;

import dev.relive.api.RolesAllowed;
import dev.relive.api.User;

/** Who may see a view: its {@link RolesAllowed} property against the user, and where a refused visitor goes. */
public final class ViewAccess {

    /** What a visitor gets. */
    public enum Decision {
        /** Shows the view. */
        ALLOW,
        /** Not signed in: goes to the login page. */
        SIGN_IN,
        /** Signed in without a role the view needs. */
        FORBIDDEN
    }

    private ViewAccess() {
    }

    /** The decision for {@code user} (empty: not signed in) on the view registered as {@code view}. */
    public static Decision decide(ServiceReference<?> view, Optional<User> user) {
        List<String> roles = roles(view);
        if (roles.isEmpty()) {
            return Decision.ALLOW;
        }
        if (user.isEmpty()) {
            return Decision.SIGN_IN;
        }
        return roles.contains(RolesAllowed.ANY_USER) || roles.stream().anyMatch(user.get()::hasRole)
                ? Decision.ALLOW : Decision.FORBIDDEN;
    }

    /** The login page, sending the user back to {@code next} (a local path and query) afterwards. */
    public static String loginUrl(String next) {
        return "/login?next=" + URLEncoder.encode(LocalPath.orRoot(next), StandardCharsets.UTF_8);
    }

    /** {@code route} with {@code query} encoded after it: where to come back to after signing in. */
    public static String pathAndQuery(String route, Map<String, String> query) {
        StringBuilder url = new StringBuilder(route);
        char sep = '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            url.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return url.toString();
    }

    private static List<String> roles(ServiceReference<?> view) {
        Object value = view == null ? null : view.getProperty(RolesAllowed.PROPERTY);
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof String[] a) {
            return List.of(a);
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
