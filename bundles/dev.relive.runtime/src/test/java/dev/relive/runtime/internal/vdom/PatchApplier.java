package dev.relive.runtime.internal.vdom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies patches to a tree the way the client applies them to its DOM: in order, each path resolved
 * against the tree as left by the patches before it, {@code html} parsed as a child of the parent element
 * ({@link HtmlParser#parseNode}). The runtime can use it to keep its copy of the client's tree; tests use it
 * to check the differ.
 *
 * <p>The input tree is not changed: the result shares every subtree no patch touched.
 */
public final class PatchApplier {

    private PatchApplier() {
    }

    /**
     * Applies {@code patches} to {@code root}.
     *
     * @throws PatchException if a patch does not fit (path, index, node kind, or html that is not one node)
     */
    public static VElement apply(List<Patch> patches, VElement root) {
        Draft top = new Draft(root);
        for (Patch p : patches) {
            try {
                applyOne(p, top);
            } catch (PatchException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new PatchException(e.getMessage() + ": " + p, e);
            }
        }
        return top.freeze();
    }

    private static void applyOne(Patch patch, Draft root) {
        if (patch instanceof Patch.Text p) {
            Draft parent = parentOf(root, p);
            int i = childIndex(parent, p);
            if (!(parent.children().get(i) instanceof VText)) {
                throw new PatchException("not a text node: " + p);
            }
            parent.children().set(i, new VText(p.text()));
        } else if (patch instanceof Patch.Attr p) {
            element(root, p.path(), p).attributes().put(p.name(), p.value());
        } else if (patch instanceof Patch.RemoveAttr p) {
            element(root, p.path(), p).attributes().remove(p.name());
        } else if (patch instanceof Patch.Insert p) {
            Draft parent = element(root, p.path(), p);
            List<Object> children = parent.children();
            if (p.index() < 0 || p.index() > children.size()) {
                throw new PatchException("index out of range: " + p);
            }
            children.add(p.index(), parse(p.html(), parent, p));
        } else if (patch instanceof Patch.Remove p) {
            Draft parent = parentOf(root, p);
            parent.children().remove(childIndex(parent, p));
        } else if (patch instanceof Patch.Replace p) {
            Draft parent = parentOf(root, p);
            int i = childIndex(parent, p);
            parent.children().set(i, parse(p.html(), parent, p));
        } else if (patch instanceof Patch.Move p) {
            Draft parent = element(root, p.path(), p);
            List<Object> children = parent.children();
            if (p.from() < 0 || p.from() >= children.size() || p.to() < 0 || p.to() >= children.size()) {
                throw new PatchException("index out of range: " + p);
            }
            children.add(p.to(), children.remove(p.from()));
        } else if (patch instanceof Patch.Reparent p) {
            reparent(p, root);
        } else {
            throw new PatchException("unknown patch: " + patch);
        }
    }

    private static void reparent(Patch.Reparent p, Draft root) {
        List<Integer> from = p.from();
        if (from.isEmpty() || (p.path().size() >= from.size() && p.path().subList(0, from.size()).equals(from))) {
            throw new PatchException("cannot move a node into itself: " + p);
        }
        Draft target = element(root, p.path(), p);
        Draft source = element(root, from.subList(0, from.size() - 1), p);
        int i = from.get(from.size() - 1);
        if (i < 0 || i >= source.children().size()) {
            throw new PatchException("no child " + i + ": " + p);
        }
        Object node = source.children().remove(i);
        List<Object> children = target.children();
        if (p.index() < 0 || p.index() > children.size()) {
            throw new PatchException("index out of range: " + p);
        }
        children.add(p.index(), node);
    }

    private static VNode parse(String html, Draft parent, Patch p) {
        try {
            return HtmlParser.parseNode(html, parent.base);
        } catch (IllegalArgumentException e) {
            throw new PatchException(e.getMessage() + ": " + p, e);
        }
    }

    /** The parent of the node a node-addressing patch names. */
    private static Draft parentOf(Draft root, Patch p) {
        List<Integer> path = p.path();
        if (path.isEmpty()) {
            throw new PatchException("the root cannot be the target: " + p);
        }
        return element(root, path.subList(0, path.size() - 1), p);
    }

    private static int childIndex(Draft parent, Patch p) {
        int i = p.path().get(p.path().size() - 1);
        int size = parent.children().size();
        if (i < 0 || i >= size) {
            throw new PatchException("no child " + i + " (of " + size + "): " + p);
        }
        return i;
    }

    /** The element at {@code path}, made editable along the way. */
    private static Draft element(Draft root, List<Integer> path, Patch p) {
        Draft d = root;
        for (int level = 0; level < path.size(); level++) {
            int i = path.get(level);
            List<Object> children = d.children();
            if (i < 0 || i >= children.size()) {
                throw new PatchException("no child " + i + " (of " + children.size() + ") at depth " + level
                        + ": " + p);
            }
            Object c = children.get(i);
            if (c instanceof Draft cd) {
                d = cd;
            } else if (c instanceof VElement e) {
                Draft cd = new Draft(e);
                children.set(i, cd);
                d = cd;
            } else {
                throw new PatchException("path goes through a text node at depth " + level + ": " + p);
            }
        }
        return d;
    }

    /** An element being edited: copies its attributes and children only when they change. */
    private static final class Draft {
        final VElement base;
        private LinkedHashMap<String, String> attributes;
        /** {@link VNode}s and {@link Draft}s. */
        private List<Object> children;

        Draft(VElement base) {
            this.base = base;
        }

        LinkedHashMap<String, String> attributes() {
            if (attributes == null) {
                attributes = new LinkedHashMap<>(base.attributes());
            }
            return attributes;
        }

        List<Object> children() {
            if (children == null) {
                children = new ArrayList<>(base.children());
            }
            return children;
        }

        VElement freeze() {
            if (attributes == null && children == null) {
                return base;
            }
            VNode[] frozen;
            if (children == null) {
                frozen = base.childArray();
            } else {
                frozen = new VNode[children.size()];
                for (int i = 0; i < frozen.length; i++) {
                    Object o = children.get(i);
                    frozen[i] = o instanceof Draft d ? d.freeze() : (VNode) o;
                }
            }
            String[] attrs = base.attributeArray();
            if (attributes != null) {
                attrs = new String[attributes.size() * 2];
                int i = 0;
                for (Map.Entry<String, String> e : attributes.entrySet()) {
                    attrs[i++] = e.getKey();
                    attrs[i++] = e.getValue();
                }
            }
            return VElement.adopt(base.tag(), base.namespace(), attrs, frozen);
        }
    }
}
