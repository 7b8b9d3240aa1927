package dev.relive.runtime.internal.render;

/** Renders an embedded child view for the template function {@code child(id, view, sticky)}. */
public interface ChildRenderer {

    /** The child's HTML, wrapped in its {@code <div rl-child=... rl-view=...>} element. */
    String render(String id, String viewClassName, boolean sticky);
}
