package dev.relive.runtime.internal.vdom;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.relive.api.LiveStream;

/**
 * Takes the items of stream containers (elements with {@code rl-stream}) out of a rendered tree. The tree the
 * session keeps has every container empty, so the items live only in the browser; the items just rendered become
 * one {@link Container} each, whose changes {@link StreamMemory} turns into a {@link Patch.Stream}, or, for the first
 * render, the container's children in the order the changes put them.
 *
 * <p>A container's element children are the items the template rendered for its stream's {@link LiveStream.Insert}
 * changes, in order, one element each, every one with a {@code rl-key}.
 */
public final class StreamItems {

    /** The attribute naming a stream container's field. */
    public static final String STREAM_ATTRIBUTE = "rl-stream";
    /** The attribute of a child view's element: its id. */
    public static final String CHILD_ATTRIBUTE = "rl-child";

    private static final VNode[] NO_CHILDREN = new VNode[0];

    /** The changes of stream {@code name} of the view {@code childId} (null: the root view) since its last render. */
    @FunctionalInterface
    public interface Source {
        List<? extends LiveStream.Change<?>> changes(String childId, String name);
    }

    /**
     * {@code kept}: the tree with every container empty; {@code first}: the tree with the items in place, built for
     * a first render (else null); {@code containers}: every container of the tree, in document order, with what
     * the render changed in it.
     */
    public record Taken(VElement kept, VElement first, List<Container> containers) {

        /** The containers' stream patches against {@code kept}, every item sent in full. */
        public List<Patch> patches() {
            return StreamMemory.sendAll(containers);
        }
    }

    /**
     * A stream container at {@code path} in the kept tree, showing stream {@code stream} of view {@code view}
     * ({@code null}: the root view). A later render gives its {@code changes} (items rendered); a first render gives
     * the items it {@code shows}, in order, and no changes.
     */
    public record Container(List<Integer> path, String view, String stream, List<Change> changes,
            List<VElement> shows) {
        public Container {
            path = List.copyOf(path);
        }
    }

    /** One change of a container's items, with the item as rendered. */
    public sealed interface Change {
    }

    /** Every item removed. */
    public record Reset() implements Change {
    }

    /** The item with {@code key} removed. */
    public record Delete(String key) implements Change {
    }

    /** {@code item} put in place of the item with its key, else at {@code at}. */
    public record Insert(int at, VElement item) implements Change {
    }

    private StreamItems() {
    }

    /**
     * Whether {@code html} may hold a stream container: when it does not, {@link #take} would return the tree as it
     * is.
     */
    public static boolean mayHoldStreams(String html) {
        return html.contains(STREAM_ATTRIBUTE);
    }

    /**
     * Takes the stream items out of {@code tree}.
     *
     * @param firstRender whether to build {@link Taken#first}
     * @throws IllegalStateException if a container's children do not fit its changes
     */
    public static Taken take(VElement tree, Source source, boolean firstRender) {
        List<Container> containers = new ArrayList<>();
        Walk walk = new Walk(source, firstRender, containers);
        VElement[] first = new VElement[1];
        VElement kept = walk.element(tree, null, new ArrayList<>(), first);
        return new Taken(kept, firstRender ? first[0] : null, List.copyOf(containers));
    }

    private record Walk(Source source, boolean firstRender, List<Container> containers) {

        /** The element with its containers emptied; {@code first[0]} receives it with the items in place. */
        VElement element(VElement e, String childId, List<Integer> path, VElement[] first) {
            String view = e.attribute(CHILD_ATTRIBUTE) != null ? e.attribute(CHILD_ATTRIBUTE) : childId;
            String stream = e.attribute(STREAM_ATTRIBUTE);
            if (stream != null) {
                return container(e, view, stream, path, first);
            }
            VNode[] kids = e.childArray();
            VNode[] kept = null;
            VNode[] full = null;
            for (int i = 0; i < kids.length; i++) {
                if (!(kids[i] instanceof VElement child)) {
                    continue;
                }
                path.add(i);
                VElement[] childFirst = new VElement[1];
                VElement k = element(child, view, path, childFirst);
                path.remove(path.size() - 1);
                if (k != child) {
                    kept = kept == null ? kids.clone() : kept;
                    kept[i] = k;
                }
                if (childFirst[0] != child) {
                    full = full == null ? kids.clone() : full;
                    full[i] = childFirst[0];
                }
            }
            first[0] = full == null ? e : VElement.adopt(e.tag(), e.namespace(), e.attributeArray(), full);
            return kept == null ? e : VElement.adopt(e.tag(), e.namespace(), e.attributeArray(), kept);
        }

        private VElement container(VElement e, String view, String stream, List<Integer> path, VElement[] first) {
            List<? extends LiveStream.Change<?>> changes = source.changes(view, stream);
            List<VElement> items = items(e, stream);
            List<Change> out = firstRender ? null : new ArrayList<>(changes.size());
            Shown shown = firstRender ? new Shown() : null;
            int next = 0;
            for (LiveStream.Change<?> change : changes) {
                if (change instanceof LiveStream.Reset<?>) {
                    if (firstRender) {
                        shown.clear();
                    } else {
                        out.add(new Reset());
                    }
                } else if (change instanceof LiveStream.Delete<?> d) {
                    if (firstRender) {
                        shown.delete(d.key());
                    } else {
                        out.add(new Delete(d.key()));
                    }
                } else if (change instanceof LiveStream.Insert<?> insert) {
                    if (next == items.size()) {
                        throw mismatch(stream, items.size(), changes);
                    }
                    VElement item = items.get(next++);
                    if (firstRender) {
                        shown.place(item, insert.at());
                    } else {
                        out.add(new Insert(insert.at(), item));
                    }
                }
            }
            if (next != items.size()) {
                throw mismatch(stream, items.size(), changes);
            }
            containers.add(new Container(path, view, stream, firstRender ? List.of() : out,
                    firstRender ? List.copyOf(shown.items) : List.of()));
            first[0] = firstRender && !shown.items.isEmpty()
                    ? VElement.adopt(e.tag(), e.namespace(), e.attributeArray(), shown.items.toArray(NO_CHILDREN))
                    : e;
            return e.childArray().length == 0 ? e
                    : VElement.adopt(e.tag(), e.namespace(), e.attributeArray(), NO_CHILDREN);
        }

        /**
         * The items a first render shows, in order, put as the client puts them: a key already shown is replaced
         * where it is (a look-up, then a walk only for that rare case), anything else inserted at its {@code at}.
         */
        private static final class Shown {
            final List<VElement> items = new ArrayList<>();
            final Set<String> keys = new HashSet<>();

            void place(VElement item, int at) {
                if (keys.add(item.key())) {
                    items.add(at < 0 || at > items.size() ? items.size() : at, item);
                    return;
                }
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i).key().equals(item.key())) {
                        items.set(i, item);
                        return;
                    }
                }
            }

            void delete(String key) {
                if (keys.remove(key)) {
                    items.removeIf(item -> key.equals(item.key()));
                }
            }

            void clear() {
                items.clear();
                keys.clear();
            }
        }

        private static List<VElement> items(VElement container, String stream) {
            List<VElement> items = new ArrayList<>();
            for (VNode n : container.childArray()) {
                if (n instanceof VElement item) {
                    if (item.key() == null) {
                        throw new IllegalStateException("stream '" + stream + "': item <" + item.tag()
                                + "> has no rl-key");
                    }
                    items.add(item);
                } else if (!((VText) n).text().isBlank()) {
                    throw new IllegalStateException("stream '" + stream + "': text between items");
                }
            }
            return items;
        }

        private static IllegalStateException mismatch(String stream, int rendered, List<?> changes) {
            long inserts = changes.stream().filter(c -> c instanceof LiveStream.Insert<?>).count();
            return new IllegalStateException("stream '" + stream + "': the template rendered " + rendered
                    + " items for " + inserts + " inserted");
        }
    }
}
