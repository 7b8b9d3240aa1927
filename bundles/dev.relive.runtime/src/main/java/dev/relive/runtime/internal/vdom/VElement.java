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
 * <p>Immutable. Equality is deep and structural; attribute order is not significant (it is not observable
 * through the DOM patches either). Attributes and children are held in plain arrays, which the differ walks
 * directly; {@link #attributes()} and {@link #children()} are unmodifiable views.
 */
public final class VElement implements VNode {

    /** The attribute that identifies a child among its siblings for keyed diffing. */
    public static final String KEY_ATTRIBUTE = "rl-key";

    private static final String[] NO_ATTRIBUTES = new String[0];
    private static final VNode[] NO_CHILDREN = new VNode[0];

    private final String tag;
    private final Namespace namespace;
    /** name0, value0, name1, value1, ... with distinct names. */
    private final String[] attrs;
    private final VNode[] kids;
    /** The {@code rl-key} value, or a {@link Source} holding it; null without one. */
    private final Object key;
    private List<VNode> childList;
    private int hash;

    /** Copies {@code attributes} and {@code children}; {@code tag} is lower-cased. */
    public VElement(String tag, Namespace namespace, Map<String, String> attributes, List<? extends VNode> children) {
        this(tag.toLowerCase(Locale.ROOT), Objects.requireNonNull(namespace, "namespace"), toArray(attributes),
                children.toArray(NO_CHILDREN));
        for (VNode c : kids) {
            Objects.requireNonNull(c, "child");
        }
    }

    private VElement(String tag, Namespace namespace, String[] attrs, VNode[] kids) {
        this(tag, namespace, attrs, kids, -1, 0, 0);
    }

    private VElement(String tag, Namespace namespace, String[] attrs, VNode[] kids, int sourceLength, long print,
            int context) {
        this.tag = tag;
        this.namespace = namespace;
        this.attrs = attrs.length == 0 ? NO_ATTRIBUTES : attrs;
        this.kids = kids.length == 0 ? NO_CHILDREN : kids;
        String k = keyOf(attrs);
        this.key = k != null && sourceLength > 0 ? new Source(k, sourceLength, print, context) : k;
    }

    /** The {@code rl-key} value among {@code attrs} (names and values, alternating), or null. */
    static String keyOf(String[] attrs) {
        for (int i = 0; i < attrs.length; i += 2) {
            if (attrs[i].equals(KEY_ATTRIBUTE)) {
                return attrs[i + 1];
            }
        }
        return null;
    }

    /**
     * Where a keyed element came from, kept by {@link WellFormedParser} so that the next parse of the same view can
     * take the element as it is when its markup did not change: the length of its markup (start tag to end tag), a
     * fingerprint of that markup ({@link SourcePrint}) and the parse context the markup was read in
     * (the {@link HtmlRules#inside} bits of its parent).
     */
    record Source(String key, int length, long print, int context) {
    }

    /** {@link #adopt(String, Namespace, String[], VNode[])}, for a keyed element whose markup is known. */
    static VElement adopt(String tag, Namespace namespace, String[] attrs, VNode[] children, int sourceLength,
            long print, int context) {
        return new VElement(tag, namespace, attrs, children, sourceLength, print, context);
    }

    /** Where this keyed element came from, or null when not known. */
    Source source() {
        return key instanceof Source s ? s : null;
    }

    /**
     * Takes ownership of the arrays without copying: the caller must not keep or change them. {@code tag}
     * must be lower case, {@code attrs} pairs of name and value with distinct names.
     */
    static VElement adopt(String tag, Namespace namespace, String[] attrs, VNode[] children) {
        return new VElement(tag, namespace, attrs, children);
    }

    /** Like {@link #adopt(String, Namespace, String[], VNode[])}, from collections (copied). */
    static VElement adopt(String tag, Namespace namespace, Map<String, String> attributes, List<VNode> children) {
        return new VElement(tag, namespace, toArray(attributes), children.toArray(NO_CHILDREN));
    }

    private static String[] toArray(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return NO_ATTRIBUTES;
        }
        String[] a = new String[attributes.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            a[i++] = Objects.requireNonNull(e.getKey(), "attribute name");
            a[i++] = Objects.requireNonNull(e.getValue(), "attribute value");
        }
        return a;
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

    /** Unmodifiable, in document order; made on each call (trees keep only the array). */
    public Map<String, String> attributes() {
        if (attrs.length == 0) {
            return Map.of();
        }
        LinkedHashMap<String, String> map = new LinkedHashMap<>(attrs.length);
        for (int i = 0; i < attrs.length; i += 2) {
            map.put(attrs[i], attrs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** The value of attribute {@code name}, or null. */
    public String attribute(String name) {
        for (int i = 0; i < attrs.length; i += 2) {
            if (attrs[i].equals(name)) {
                return attrs[i + 1];
            }
        }
        return null;
    }

    /** Number of attributes. */
    public int attributeCount() {
        return attrs.length >> 1;
    }

    /** Unmodifiable. Made on first use: the session's trees keep only the array. */
    public List<VNode> children() {
        List<VNode> list = childList;
        if (list == null) {
            list = Collections.unmodifiableList(Arrays.asList(kids));
            childList = list;
        }
        return list;
    }

    /** The value of {@code rl-key}, or null. */
    public String key() {
        return key instanceof Source s ? s.key() : (String) key;
    }

    /** Attribute names and values, alternating. Not to be modified. */
    String[] attributeArray() {
        return attrs;
    }

    /** The children. Not to be modified. */
    VNode[] childArray() {
        return kids;
    }

    /** A copy with other children. */
    public VElement withChildren(List<? extends VNode> newChildren) {
        return new VElement(tag, namespace, attrs, newChildren.toArray(NO_CHILDREN));
    }

    /** A copy with other attributes. */
    public VElement withAttributes(Map<String, String> newAttributes) {
        return new VElement(tag, namespace, toArray(newAttributes), kids);
    }

    /** Deep structural equality; attribute order is ignored. */
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
                && sameAttributes(other)
                && Arrays.equals(kids, other.kids);
    }

    /** Same attribute names and values, in any order. */
    boolean sameAttributes(VElement other) {
        String[] a = attrs;
        String[] b = other.attrs;
        if (a.length != b.length) {
            return false;
        }
        if (Arrays.equals(a, b)) {
            return true;
        }
        for (int i = 0; i < a.length; i += 2) {
            if (!a[i + 1].equals(other.attribute(a[i]))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            int attrHash = 0; // as Map.hashCode: independent of order
            for (int i = 0; i < attrs.length; i += 2) {
                attrHash += attrs[i].hashCode() ^ attrs[i + 1].hashCode();
            }
            h = ((tag.hashCode() * 31 + namespace.ordinal()) * 31 + attrHash) * 31 + Arrays.hashCode(kids);
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
