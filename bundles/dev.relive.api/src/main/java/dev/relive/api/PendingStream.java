package dev.relive.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The changes of a {@link LiveStream} not rendered yet. */
final class PendingStream<T> implements LiveStream<T> {

    private List<Change<T>> changes = new ArrayList<>();

    @Override
    public LiveStream<T> insert(int at, T item) {
        changes.add(new Insert<>(at, item));
        return this;
    }

    @Override
    public LiveStream<T> delete(String key) {
        changes.add(new Delete<>(key));
        return this;
    }

    @Override
    public LiveStream<T> reset() {
        changes.clear();
        changes.add(new Reset<>());
        return this;
    }

    @Override
    public Iterator<T> iterator() {
        List<T> items = new ArrayList<>();
        for (Change<T> c : changes) {
            if (c instanceof Insert<T> insert) {
                items.add(insert.item());
            }
        }
        return items.iterator();
    }

    @Override
    public List<Change<T>> takeChanges() {
        List<Change<T>> taken = changes;
        changes = new ArrayList<>();
        return taken;
    }

    @Override
    public String toString() {
        return "LiveStream" + changes;
    }
}
