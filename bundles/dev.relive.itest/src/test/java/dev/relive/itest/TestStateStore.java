package dev.relive.itest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.relive.runtime.cluster.SessionStateStore;

/** A cluster's state store kept in this JVM, registered by a test as a cluster bundle would register its own. */
final class TestStateStore implements SessionStateStore {

    private final Map<String, byte[]> entries = new ConcurrentHashMap<>();

    @Override
    public void put(String sessionId, byte[] state, Duration ttl) {
        entries.put(sessionId, state.clone());
    }

    @Override
    public Optional<byte[]> get(String sessionId) {
        return Optional.ofNullable(entries.get(sessionId)).map(byte[]::clone);
    }

    @Override
    public void remove(String sessionId) {
        entries.remove(sessionId);
    }

    String text(String key) {
        byte[] entry = entries.get(key);
        return entry == null ? "" : new String(entry, StandardCharsets.UTF_8);
    }
}
