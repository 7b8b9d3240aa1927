package dev.relive.runtime.internal.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import dev.relive.runtime.cluster.SessionStateStore;

/** A state store in this JVM, as a test's cluster; counts its writes. */
public final class MemoryStateStore implements SessionStateStore {

    public final Map<String, byte[]> entries = new ConcurrentHashMap<>();
    public final AtomicInteger puts = new AtomicInteger();
    public final AtomicInteger removes = new AtomicInteger();
    public volatile Duration lastTtl;

    @Override
    public void put(String sessionId, byte[] state, Duration ttl) {
        entries.put(sessionId, state.clone());
        lastTtl = ttl;
        puts.incrementAndGet();
    }

    @Override
    public Optional<byte[]> get(String sessionId) {
        return Optional.ofNullable(entries.get(sessionId)).map(byte[]::clone);
    }

    @Override
    public void remove(String sessionId) {
        entries.remove(sessionId);
        removes.incrementAndGet();
    }

    /** Waits (up to ten seconds, on a loaded machine) until {@code condition} holds. */
    public void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + what + " after " + puts.get() + " puts and " + removes.get()
                        + " removals");
            }
            Thread.sleep(5);
        }
    }

    /** The entry under {@code key} as text, empty when there is none. */
    public String text(String key) {
        byte[] entry = entries.get(key);
        return entry == null ? "" : new String(entry, StandardCharsets.UTF_8);
    }
}
