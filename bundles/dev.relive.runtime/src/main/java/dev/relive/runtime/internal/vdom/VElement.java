package dev.relive.runtime.internal.vdom;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An element: lower-case tag name, namespace, attributes in document order, child nodes.
 *
 * <p>Immutable: the attribute map and child list handed in are copied. Equality is deep and structural;
 * attribute order is not significant (it is not observable through the DOM patches either).
 */
public final class VElement implements VNode {

    /** The attribute that identifies a child among its siblings for keyed diffing. */
    public static final String KEY_ATTRIBUTE = "rl-key";

    private final String tag;
    private final Namespace namespace;
    private final Map<String, String> attributes;
    private final List<VNode> children;
    private final String key;
    private int hash;

    public VElement(String tag, Namespace namespace, Map<String, String> attributes, List<? extends VNode> children) {
        this(tag.toLowerCase(Locale.ROOT), Objects.requireNonNull(namespace, "namespace"),
                Collections.unmodifiableMap(new LinkedHashMap<>(attributes)), List.copyOf(children), true);
    }

    /** For callers that built fresh collections they hand over (parser, applier): no copy. */
    private VElement(String tag, Namespace namespace, Map<String, String> attributes, List<VNode> children,
                     boolean trusted) {
        this.tag = tag;
        this.namespace = namespace;
        this.attributes = attributes;
        this.children = children;
        this.key = attributes.get(KEY_ATTRIBUTE);
    }

    /**
     * Takes ownership of {@code attributes} and {@code children} without copying: the caller must not keep or
     * change them afterwards. {@code tag} must already be lower case.
     */
    static VElement adopt(String tag, Namespace namespace, LinkedHashMap<String, String> attributes,
                          List<VNode> children) {
        return new VElement(tag, namespace,
                attributes.isEmpty() ? Map.of() : Collections.unmodifiableMap(attributes),
                children.isEmpty() ? List.of() : Collections.unmodifiableList(children), true);
    }

    /** An HTML element. */
    public static VElement of(String tag, Map<String, String> attributes, VNode... children) {
        return new VElement(tag, Namespace.HTML, attributes, Arrays.asList(children));
    }

    /** An HTML element without attributes. */
    public static VElement of(String tag, VNode... children) {
        return of(tag, Map.of(), children);
    }

    public String tag() {
        return tag;
    }

    public Namespace namespace() {
        return namespace;
    }

    /** Unmodifiable, in document order. */
    public Map<String, String> attributes() {
        return attributes;
    }

    public String attribute(String name) {
        return attributes.get(name);
    }

    /** Unmodifiable. */
    public List<VNode> children() {
        return children;
    }

    /** The value of {@code rl-key}, or null. */
    public String key() {
        return key;
    }

    /** A copy with other children. */
    public VElement withChildren(List<? extends VNode> newChildren) {
        return new VElement(tag, namespace, attributes, List.copyOf(newChildren), true);
    }

    /** A copy with other attributes. */
    public VElement withAttributes(Map<String, String> newAttributes) {
        return new VElement(tag, namespace, Collections.unmodifiableMap(new LinkedHashMap<>(newAttributes)),
                children, true);
    }

    /** Deep structural equality. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof VElement other)) {
            return false;
        }
        if (hash != 0 && other.hash != 0 && hash != other.hash) {
            return false;
        }
        return tag.equals(other.tag)
                && namespace == other.namespace
                && attributes.equals(other.attributes)
                && children.equals(other.children);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Objects.hash(tag, namespace, attributes, children);
            if (h == 0) {
                h = 1;
            }
            hash = h;
        }
        return h;
    }

    /** The element as HTML, for debugging and assertion messages. */
    @Override
    public String toString() {
        return HtmlWriter.write(this);
    }
}
