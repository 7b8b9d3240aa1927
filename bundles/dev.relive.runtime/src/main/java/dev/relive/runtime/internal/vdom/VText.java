package dev.relive.runtime.internal.vdom;

import java.util.Objects;

/** A text node. {@code text} is the node's data, unescaped; it is never empty in a parsed tree. */
public record VText(String text) implements VNode {

    public VText {
        Objects.requireNonNull(text, "text");
    }

    public static VText of(String text) {
        return new VText(text);
    }
}
