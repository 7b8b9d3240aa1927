package dev.relive.runtime.internal.registry;

import java.util.Map;

/** The view serving a path, and the values of its route's parameters in that path (decoded). */
public record RouteMatch(ViewType type, Map<String, String> params) {

    public RouteMatch {
        params = Map.copyOf(params);
    }
}
