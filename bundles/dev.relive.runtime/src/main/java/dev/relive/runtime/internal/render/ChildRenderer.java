package dev.relive.runtime.internal.render;

import java.util.Map;

/** Renders an embedded child view for the template function {@code child(id, view, props, sticky)}. */
public interface ChildRenderer {

    /** The child's HTML, wrapped in its {@code <div rl-child=... rl-view=...>} element. */
    String render(String id, String viewClassName, Map<String, Object> props, boolean sticky);
}
