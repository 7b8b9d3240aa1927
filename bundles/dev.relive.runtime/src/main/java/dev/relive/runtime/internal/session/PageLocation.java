package dev.relive.runtime.internal.session;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a tab's page is: its URL (path and query), the path alone, the root view's route as declared and the
 * parameters of both the route and the query. Immutable.
 */
record PageLocation(String url, String path, String route, Map<String, String> params) {

    static final PageLocation NONE = new PageLocation("", null, null, Map.of());

    /** {@code url} served by the route {@code route}, with its route's parameters and query. */
    static PageLocation of(String url, String route, Map<String, String> routeParams, Map<String, String> query) {
        int q = url.indexOf('?');
        Map<String, String> merged = new LinkedHashMap<>(query);
        merged.putAll(routeParams);
        return new PageLocation(url, q < 0 ? url : url.substring(0, q), route, Map.copyOf(merged));
    }
}
