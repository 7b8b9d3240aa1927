package dev.relive.runtime.internal.vdom;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.relive.api.LiveStream;

/**
 * What the browser of one tab has in its stream containers, so that an item sent again as the browser already has
 * it (the same HTML for its key) goes as the key alone: {@code {"at":n,"keys":["k",...]}} moves the browser's node. A
 * stream re-sent in a new order (a sort) then costs a few bytes a row instead of the row's HTML.
 *
 * <p>The memory only ever errs towards sending HTML: it remembers a container's items from the first render that
 * showed them and from the patches sent since, and forgets them when it cannot be sure the browser still has them:
 * a container the render no longer shows, a patch that inserts or replaces markup holding a container (it may be a
 * new, empty one), and {@link #clear()} for a full render (the browser missed or could not apply a patch). At most
 * {@code limit} keys per container are remembered (0: none, every item goes in full). Not thread-safe: the tab's
 * renders use it one at a time.
 */
public final class StreamMemory {

    /** Keys remembered per container unless configured. */
    public static final int DEFAULT_LIMIT = 10_000;

    private final int limit;
    private final Map<String, ShownItems> containers = new HashMap<>();

    public StreamMemory(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit " + limit);
        }
        this.limit = limit;
    }

    /** The patches of {@code containers} with every item in full, remembering nothing. */
    static List<Patch> sendAll(List<StreamItems.Container> containers) {
        return new StreamMemory(0).patches(containers, List.of());
    }

    /** Forgets every container: the browser's items are no longer known. */
    public void clear() {
        containers.clear();
    }

    /** A first render (mount, navigation): the browser has exactly the items it shows. */
    public void mounted(List<StreamItems.Container> shown) {
        containers.clear();
        if (limit == 0) {
            return;
        }
        for (StreamItems.Container c : shown) {
            ShownItems items = new ShownItems(limit);
            for (VElement item : c.shows()) {
                items.put(item.key(), ItemPrint.of(item));
            }
            if (items.size() > 0) {
                containers.put(id(c), items);
            }
        }
    }

    /**
     * The stream patches of a later render's {@code containers}, after the render's {@code diff} (the patches of the
     * tree without the items): remembers what they send, and forgets the containers that are not among them.
     */
    public List<Patch> patches(List<StreamItems.Container> rendered, List<Patch> diff) {
        if (limit > 0) {
            if (mayRecreateContainers(diff)) {
                containers.clear();
            } else if (!containers.isEmpty()) {
                Set<String> shown = new HashSet<>();
                for (StreamItems.Container c : rendered) {
                    shown.add(id(c));
                }
                containers.keySet().retainAll(shown);
            }
        }
        List<Patch> patches = new ArrayList<>();
        for (StreamItems.Container c : rendered) {
            if (!c.changes().isEmpty()) {
                patches.add(new Patch.Stream(c.path(), changes(c)));
            }
        }
        return patches;
    }

    private List<Patch.StreamChange> changes(StreamItems.Container c) {
        ShownItems shown = limit == 0 ? null : containers.computeIfAbsent(id(c), k -> new ShownItems(limit));
        ShownItems removed = null; // what a reset took out: the browser keeps those nodes until the patch ends
        List<Patch.StreamChange> out = new ArrayList<>(c.changes().size());
        Moves moves = new Moves(out);
        for (StreamItems.Change change : c.changes()) {
            if (change instanceof StreamItems.Reset) {
                moves.flush();
                out.add(Patch.StreamChange.resetAll());
                if (shown != null) {
                    removed = removed == null ? new ShownItems(Integer.MAX_VALUE) : removed;
                    shown.moveInto(removed);
                }
            } else if (change instanceof StreamItems.Delete d) {
                moves.flush();
                out.add(Patch.StreamChange.deleteKey(d.key()));
                if (shown != null) {
                    shown.remove(d.key());
                    if (removed != null) {
                        removed.remove(d.key());
                    }
                }
            } else if (change instanceof StreamItems.Insert insert) {
                String key = insert.item().key();
                long print = shown == null ? 0 : ItemPrint.of(insert.item());
                boolean browserHasIt = shown != null
                        && (shown.has(key, print) || removed != null && removed.take(key, print));
                if (browserHasIt) {
                    moves.add(insert.at(), key);
                } else {
                    moves.flush();
                    out.add(Patch.StreamChange.insert(insert.at(), HtmlWriter.write(insert.item())));
                }
                if (shown != null) {
                    shown.put(key, print);
                }
            }
        }
        moves.flush();
        if (shown != null && shown.size() == 0) {
            containers.remove(id(c));
        }
        return out;
    }

    /** Consecutive moves in one change: appended ones, or ones at consecutive indices. */
    private static final class Moves {
        private final List<Patch.StreamChange> out;
        private int at;
        private List<String> keys;

        Moves(List<Patch.StreamChange> out) {
            this.out = out;
        }

        void add(int at, String key) {
            boolean follows = keys != null
                    && (this.at == LiveStream.END ? at == LiveStream.END : at == this.at + keys.size());
            if (!follows) {
                flush();
                this.at = at;
                keys = new ArrayList<>();
            }
            keys.add(key);
        }

        void flush() {
            if (keys != null) {
                out.add(Patch.StreamChange.move(at, keys));
                keys = null;
            }
        }
    }

    /**
     * Whether a patch of the tree puts new markup that holds a stream container: the browser's container may then be
     * a new, empty one.
     */
    private static boolean mayRecreateContainers(List<Patch> diff) {
        for (Patch p : diff) {
            String html = p instanceof Patch.Insert i ? i.html() : p instanceof Patch.Replace r ? r.html() : null;
            if (html != null && StreamItems.mayHoldStreams(html)) {
                return true;
            }
        }
        return false;
    }

    private static String id(StreamItems.Container c) {
        return c.view() == null ? c.stream() : c.view() + '\u0000' + c.stream();
    }
}
