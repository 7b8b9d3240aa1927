package dev.relive.cluster.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.relive.api.PresenceEntry;

/**
 * One topic's presence entries as the cluster stores them: in join order, each with the member that tracked it, so
 * that the entries of a member that dies can be found and removed.
 */
final class PresenceTable implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** An entry's meta and the UUID of the member that tracked it. */
    record Tracked(HashMap<String, String> meta, String owner) implements Serializable {
        PresenceEntry entry(String key) {
            return new PresenceEntry(key, meta);
        }
    }

    private final LinkedHashMap<String, Tracked> entries = new LinkedHashMap<>();

    /** Puts the entry, keeping its place when the key is tracked already; returns the old one. */
    PresenceEntry put(PresenceEntry entry, String owner) {
        Tracked old = entries.put(entry.key(), new Tracked(new HashMap<>(entry.meta()), owner));
        return old == null ? null : old.entry(entry.key());
    }

    /** The member that tracked {@code key}, or null. */
    String owner(String key) {
        Tracked t = entries.get(key);
        return t == null ? null : t.owner();
    }

    PresenceEntry remove(String key) {
        Tracked old = entries.remove(key);
        return old == null ? null : old.entry(key);
    }

    /** Removes the entries {@code owner} tracked; returns them. */
    List<PresenceEntry> removeOwnedBy(String owner) {
        List<PresenceEntry> removed = new ArrayList<>();
        entries.entrySet().removeIf(e -> {
            if (e.getValue().owner().equals(owner)) {
                removed.add(e.getValue().entry(e.getKey()));
                return true;
            }
            return false;
        });
        return removed;
    }

    List<PresenceEntry> list() {
        List<PresenceEntry> list = new ArrayList<>(entries.size());
        for (Map.Entry<String, Tracked> e : entries.entrySet()) {
            list.add(e.getValue().entry(e.getKey()));
        }
        return List.copyOf(list);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }
}
