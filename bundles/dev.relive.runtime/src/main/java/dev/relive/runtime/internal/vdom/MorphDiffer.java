package dev.relive.runtime.internal.vdom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Computes patches the way a morph walks the old page towards the new one, so that every element whose {@code id}
 * is on both pages (once on each: a kept id) keeps its DOM node, even when it or its container is wrapped in a new
 * element, unwrapped, or moved past siblings. For each new child, in order, the old node to keep is:
 * <ol>
 * <li>a sibling from the cursor on, of the same tag: with the same {@code rl-key}; else with the same kept id;
 * else sharing kept ids with it; else one without key or kept id of its own, with the same {@code class} and no
 * kept ids inside rather than either, and either rather than neither (a text node only at the cursor);</li>
 * <li>else the element with its kept id anywhere on the page, or for a child holding kept ids, the closest
 * container of the same tag around one of them that holds them all: it is moved here ({@code reparent}).</li>
 * </ol>
 * A child without a match is inserted: whole, or when it holds kept ids, as a shell of its parts without them,
 * into which the rest is morphed. Old nodes left over are removed once they hold no kept id still to be taken,
 * at the end otherwise. Paths are computed on a {@link LiveNode} copy of the old page; a subtree without kept ids
 * on either side is diffed by {@link Differ}.
 */
final class MorphDiffer {

    private final List<Patch> patches = new ArrayList<>();
    private final KeptIds kept;
    private final Map<String, LiveNode> byId = new HashMap<>();
    private final List<LiveNode> leftovers = new ArrayList<>();
    private final LiveNode root;

    private MorphDiffer(VElement oldRoot, KeptIds kept) {
        this.kept = kept;
        this.root = LiveNode.copyOf(oldRoot, kept.all(), byId);
        root.placed = true;
    }

    /**
     * The morph's patches when an id {@code recreated} by the {@code positional} patches is a kept id, else the
     * positional patches.
     */
    static List<Patch> diff(VElement oldRoot, VElement newRoot, Set<String> recreated, List<Patch> positional) {
        if (recreated.isEmpty()) {
            return positional;
        }
        KeptIds kept = new KeptIds(oldRoot, newRoot);
        if (Collections.disjoint(kept.all(), recreated)) {
            return positional;
        }
        MorphDiffer m = new MorphDiffer(oldRoot, kept);
        m.attributes(oldRoot, newRoot, List.of(), true);
        m.children(m.root, newRoot);
        for (LiveNode n : m.leftovers) {
            if (!n.placed && n.isUnder(m.root)) {
                m.remove(n);
            }
        }
        return m.patches;
    }

    private Set<String> idsOf(VNode newNode) {
        return kept.in(newNode);
    }

    private String keptId(VElement e) {
        return kept.keptId(e);
    }

    private void children(LiveNode target, VElement source) {
        Map<String, Integer> needed = new HashMap<>();
        for (VNode n : source.childArray()) {
            needed.merge(kindOf(n), 1, Integer::sum);
        }
        List<LiveNode> kids = target.children;
        int cursor = 0;
        for (VNode n : source.childArray()) {
            while (cursor < kids.size() && isUseless(kids.get(cursor), needed)) {
                remove(kids.get(cursor));
            }
            needed.merge(kindOf(n), -1, Integer::sum);
            LiveNode match = sibling(kids, cursor, n);
            if (match != null) {
                int at = kids.indexOf(match);
                if (at != cursor) {
                    patches.add(new Patch.Move(target.path(), at, cursor));
                    kids.add(cursor, kids.remove(at));
                }
            } else if ((match = elsewhere(n)) != null) {
                patches.add(new Patch.Reparent(target.path(), cursor, match.path()));
                match.detach();
                match.insertInto(target, cursor);
            }
            if (match != null) {
                node(match, n);
            } else {
                insert(target, cursor, n);
            }
            cursor++;
        }
        for (int i = kids.size() - 1; i >= cursor; i--) {
            LiveNode left = kids.get(i);
            if (left.ids.isEmpty()) {
                remove(left);
            } else {
                leftovers.add(left);
            }
        }
    }

    private static String kindOf(VNode n) {
        return n instanceof VElement e ? e.tag() : "#text";
    }

    private static boolean isUseless(LiveNode n, Map<String, Integer> needed) {
        return n.ids.isEmpty() && needed.getOrDefault(kindOf(n.source), 0) <= 0;
    }

    private LiveNode sibling(List<LiveNode> kids, int cursor, VNode n) {
        if (!(n instanceof VElement ne)) {
            return cursor < kids.size() && kids.get(cursor).source instanceof VText ? kids.get(cursor) : null;
        }
        String key = ne.key();
        String id = keptId(ne);
        Set<String> ids = idsOf(ne);
        LiveNode byTag = null;
        int best = 0;
        for (int i = cursor; i < kids.size(); i++) {
            LiveNode c = kids.get(i);
            if (!(c.source instanceof VElement ce) || !sameType(ce, ne)) {
                continue;
            }
            String cid = keptId(ce);
            if (key != null) {
                if (key.equals(ce.key())) {
                    return c;
                }
            } else if (id != null && id.equals(cid)) {
                return c;
            } else if (cid == null && !ids.isEmpty() && !Collections.disjoint(ids, c.ids)) {
                return c;
            } else if (cid == null && ce.key() == null) {
                int score = (Objects.equals(ce.attribute("class"), ne.attribute("class")) ? 2 : 0)
                        + (c.ids.isEmpty() ? 1 : 0);
                if (score > best) {
                    byTag = c;
                    best = score;
                }
            }
        }
        return byTag;
    }

    private LiveNode elsewhere(VNode n) {
        if (!(n instanceof VElement ne) || ne.key() != null) {
            return null;
        }
        String id = keptId(ne);
        if (id != null) {
            LiveNode c = byId.get(id);
            return c != null && !c.placed && sameType(c.element(), ne) && c.isUnder(root) ? c : null;
        }
        for (String inside : idsOf(ne)) {
            LiveNode holder = byId.get(inside);
            if (holder == null || holder.placed || !holder.isUnder(root)) {
                continue;
            }
            for (LiveNode a = holder.parent; a != null && !a.placed; a = a.parent) {
                VElement ae = a.element();
                if (sameType(ae, ne) && ae.key() == null && keptId(ae) == null && a.ids.containsAll(idsOf(ne))) {
                    return a;
                }
            }
        }
        return null;
    }

    private static boolean sameType(VElement a, VElement b) {
        return a.tag().equals(b.tag()) && a.namespace() == b.namespace();
    }

    private void node(LiveNode live, VNode n) {
        live.placed = true;
        if (n instanceof VText nt) {
            if (!((VText) live.source).text().equals(nt.text())) {
                patches.add(new Patch.Text(live.path(), nt.text()));
            }
            return;
        }
        VElement oe = live.element();
        VElement ne = (VElement) n;
        List<Integer> path = live.path();
        if (live.pristine && live.ids.isEmpty() && idsOf(ne).isEmpty()) {
            Differ.diffAt(patches, path, oe, ne);
            return;
        }
        boolean opaque = HtmlElements.isOpaque(oe);
        if ((opaque && !Arrays.equals(oe.childArray(), ne.childArray())) || !attributes(oe, ne, path, false)) {
            replace(live, ne);
        } else if (!opaque) {
            children(live, ne);
        }
    }

    /** Emits the attribute patches; false, having emitted none, when a name is unsafe to patch (not on the root). */
    private boolean attributes(VElement oe, VElement ne, List<Integer> path, boolean isRoot) {
        int mark = patches.size();
        String[] na = ne.attributeArray();
        String[] oa = oe.attributeArray();
        for (int i = 0; i < na.length; i += 2) {
            if (!na[i + 1].equals(oe.attribute(na[i]))) {
                patches.add(new Patch.Attr(path, na[i], na[i + 1]));
            }
        }
        for (int i = 0; i < oa.length; i += 2) {
            if (ne.attribute(oa[i]) == null) {
                patches.add(new Patch.RemoveAttr(path, oa[i]));
            }
        }
        for (int i = mark; i < patches.size() && !isRoot; i++) {
            String name = patches.get(i) instanceof Patch.Attr a ? a.name() : ((Patch.RemoveAttr) patches.get(i)).name();
            if (!HtmlElements.isSafeAttributeName(name)) {
                patches.subList(mark, patches.size()).clear();
                return false;
            }
        }
        return true;
    }

    private void insert(LiveNode target, int index, VNode n) {
        Set<String> ids = idsOf(n);
        if (ids.isEmpty()) {
            patches.add(new Patch.Insert(target.path(), index, HtmlWriter.write(n)));
            LiveNode.inserted(n).insertInto(target, index);
            return;
        }
        VElement ne = (VElement) n;
        List<VNode> parts = new ArrayList<>();
        for (VNode child : ne.childArray()) {
            boolean textAfterText = child instanceof VText && !parts.isEmpty() && parts.get(parts.size() - 1) instanceof VText;
            if (idsOf(child).isEmpty() && !textAfterText) {
                parts.add(child); // two texts side by side would parse as one
            }
        }
        VElement shell = VElement.adopt(ne.tag(), ne.namespace(), ne.attributeArray(), parts.toArray(new VNode[0]));
        patches.add(new Patch.Insert(target.path(), index, HtmlWriter.write(shell)));
        LiveNode live = LiveNode.copyOf(shell, Set.of(), Map.of());
        live.placed = true;
        live.insertInto(target, index);
        children(live, ne);
    }

    private void replace(LiveNode live, VElement ne) {
        patches.add(new Patch.Replace(live.path(), HtmlWriter.write(ne)));
        LiveNode parent = live.parent;
        int index = parent.children.indexOf(live);
        live.detach();
        LiveNode.inserted(ne).insertInto(parent, index);
    }

    private void remove(LiveNode n) {
        patches.add(new Patch.Remove(n.path()));
        n.detach();
    }
}
