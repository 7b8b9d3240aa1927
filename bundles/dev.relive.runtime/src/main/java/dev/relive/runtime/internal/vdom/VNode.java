package dev.relive.runtime.internal.vdom;

/**
 * A node of the server-side virtual DOM: an element or a text node. Comments are never part of the tree.
 *
 * <p>Nodes are immutable; {@link #equals(Object)} is deep structural equality (attribute order ignored).
 */
public sealed interface VNode permits VElement, VText {
}
