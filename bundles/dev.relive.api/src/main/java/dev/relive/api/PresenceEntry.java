package dev.relive.api;

import java.util.Map;

/**
 * One entry of a topic's {@link Presence}.
 *
 * @param key who is present: for a view's entry, its session id ({@link ViewSession#id()})
 * @param meta what the tracker said about it, such as a user name
 */
public record PresenceEntry(String key, Map<String, String> meta) {

    public PresenceEntry {
        meta = Map.copyOf(meta);
    }
}
