package dev.relive.runtime.internal.render;

import java.util.Map;

/** Renders an embedded child view for the template function {@code child(id, view, props, sticky, tag)}. */
public interface ChildRenderer {

    /**
     * The child's HTML, wrapped in its {@code <TAG rl-child=... rl-view=...>} element; {@code tag} is one of
     * {@link ChildFunction#TAGS}.
     */
    String render(String id, String viewClassName, Map<String, Object> props, boolean sticky, String tag);
}
