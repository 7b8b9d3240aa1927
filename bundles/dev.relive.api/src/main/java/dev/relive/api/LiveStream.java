package dev.relive.api;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A keyed list that the page shows but the session does not keep: each item is rendered once, sent to the browser,
 * and forgotten, so a view can show thousands of rows for the memory of a few fields. The view tells the stream
 * what changed ({@link #append}, {@link #prepend}, {@link #insert}, {@link #delete}, {@link #reset}); the next render
 * sends only that, and the browser keeps the items it already has.
 *
 * <p>The template renders the stream inside the element that holds its items, marked with {@code rl-stream} and
 * the name of the view's field; each item is one element carrying a {@code rl-key} unique in the stream:
 * <pre>{@code
 * <tbody rl-stream="rows">{% for r in rows %}<tr rl-key="{{ r.id }}">...</tr>{% endfor %}</tbody>
 * }</pre>
 * Iterating a stream yields the items inserted since the last render, in the order they were inserted. Inserting an
 * item whose key the browser already shows replaces that item where it is.
 *
 * <p>Threading and lifecycle: like the view's other fields, a stream is used by the view's own callbacks (mount,
 * handlers, pushed changes). Create it with {@link #create()} in a field; the runtime takes its changes after each
 * render of the view. A stream is not state: Hot View Replacement leaves it to the new instance, and a handler that
 * throws keeps the changes it made to the stream. Fill it in {@link LiveView#mount}: a full render after a reconnect
 * mounts a new instance, which streams its items again.
 *
 * @param <T> the items' type
 */
@ProviderType
public interface LiveStream<T> extends Iterable<T> {

    /** Where {@link #insert} puts an item to append it. */
    int END = -1;

    /** A new, empty stream. */
    static <T> LiveStream<T> create() {
        return new PendingStream<>();
    }

    /** Adds {@code item} after the browser's items. */
    default LiveStream<T> append(T item) {
        return insert(END, item);
    }

    /** Adds every item after the browser's items, in order. */
    default LiveStream<T> appendAll(Iterable<? extends T> items) {
        for (T item : items) {
            append(item);
        }
        return this;
    }

    /** Adds {@code item} before the browser's items. */
    default LiveStream<T> prepend(T item) {
        return insert(0, item);
    }

    /**
     * Adds {@code item} at index {@code at} among the browser's items (counted after the changes before this one),
     * or after them when {@code at} is {@link #END} or past the end; an item with a key already shown is replaced
     * where it is instead.
     *
     * @throws IllegalArgumentException if {@code at} is below {@link #END}
     */
    LiveStream<T> insert(int at, T item);

    /** Removes the browser's item with {@code rl-key} {@code key}, if it shows one. */
    LiveStream<T> delete(String key);

    /** Removes all the browser's items; the items inserted afterwards are the stream's whole content. */
    LiveStream<T> reset();

    /** The items inserted since the last render, in the order they were inserted: what the template renders. */
    @Override
    Iterator<T> iterator();

    /**
     * Takes the changes made since the last call, in order, and forgets them. The runtime calls it after each
     * render of the view; views do not.
     */
    List<Change<T>> takeChanges();

    /** One change to the browser's items. */
    sealed interface Change<T> permits Insert, Delete, Reset {
    }

    /** An item rendered and put at {@code at} ({@link #END}: at the end). */
    record Insert<T>(int at, T item) implements Change<T> {
        public Insert {
            if (at < END) {
                throw new IllegalArgumentException("at " + at);
            }
        }
    }

    /** The item with {@code rl-key} {@code key} removed. */
    record Delete<T>(String key) implements Change<T> {
        public Delete {
            Objects.requireNonNull(key, "key");
        }
    }

    /** All items removed. */
    record Reset<T>() implements Change<T> {
    }
}
