package dev.relive.runtime.internal.topics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.relive.api.Presence;
import dev.relive.api.PresenceDiff;
import dev.relive.api.PresenceEntry;
import dev.relive.api.Topics;

/**
 * {@link Presence} within this JVM. Each topic's entries are kept in join order; every change is published on the
 * topic as a {@link PresenceDiff} after the entries changed, so a subscriber that lists on receiving it sees the
 * change. Changes to one topic are published in the order they were made.
 */
@Component(service = Presence.class)
public class LocalPresence implements Presence {

    private final Topics topics;
    private final Map<String, Map<String, PresenceEntry>> entries = new ConcurrentHashMap<>();

    @Activate
    public LocalPresence(@Reference Topics topics) {
        this.topics = topics;
    }

    @Override
    public void track(String topic, String key, Map<String, String> meta) {
        Objects.requireNonNull(topic, "topic");
        PresenceEntry entry = new PresenceEntry(Objects.requireNonNull(key, "key"), meta);
        while (true) {
            Map<String, PresenceEntry> byKey = entries.computeIfAbsent(topic, t -> new LinkedHashMap<>());
            synchronized (byKey) {
                if (entries.get(topic) != byKey) {
                    continue; // its last entry left meanwhile and the map was dropped
                }
                PresenceEntry old = byKey.put(key, entry);
                if (!entry.equals(old)) {
                    topics.publish(topic, new PresenceDiff(List.of(entry), old == null ? List.of() : List.of(old)));
                }
                return;
            }
        }
    }

    @Override
    public void untrack(String topic, String key) {
        Map<String, PresenceEntry> byKey = entries.get(topic);
        if (byKey == null) {
            return;
        }
        synchronized (byKey) {
            PresenceEntry old = byKey.remove(key);
            if (old == null) {
                return;
            }
            if (byKey.isEmpty()) {
                entries.remove(topic, byKey);
            }
            topics.publish(topic, new PresenceDiff(List.of(), List.of(old)));
        }
    }

    @Override
    public List<PresenceEntry> list(String topic) {
        Map<String, PresenceEntry> byKey = entries.get(topic);
        if (byKey == null) {
            return List.of();
        }
        synchronized (byKey) {
            return List.copyOf(new ArrayList<>(byKey.values()));
        }
    }
}
