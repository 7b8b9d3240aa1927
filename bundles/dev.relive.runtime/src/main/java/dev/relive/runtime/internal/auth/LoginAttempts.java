package dev.relive.runtime.internal.auth;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How many login attempts each address and each user name made in the last minute; an attempt beyond
 * {@code perMinute} for either is refused before any password is checked. Keeps at most {@value #MAX_KEYS} keys (the
 * oldest go first), so that many addresses or names cannot grow it without bound.
 */
final class LoginAttempts {

    private static final long MINUTE_NANOS = 60_000_000_000L;
    static final int MAX_KEYS = 10_000;

    private final int perMinute;
    private final LongSupplier nanoTime;
    private final Map<String, ArrayDeque<Long>> recent = new LinkedHashMap<>();

    LoginAttempts(int perMinute, LongSupplier nanoTime) {
        this.perMinute = perMinute;
        this.nanoTime = nanoTime;
    }

    /** Counts an attempt from {@code address} for {@code name}; false when either is over the limit. */
    synchronized boolean tryAttempt(String address, String name) {
        long now = nanoTime.getAsLong();
        ArrayDeque<Long> byAddress = window("a:" + address, now);
        ArrayDeque<Long> byName = window("n:" + name.strip().toLowerCase(java.util.Locale.ROOT), now);
        if (byAddress.size() >= perMinute || byName.size() >= perMinute) {
            return false;
        }
        byAddress.add(now);
        byName.add(now);
        return true;
    }

    private ArrayDeque<Long> window(String key, long now) {
        ArrayDeque<Long> times = recent.remove(key);
        if (times == null) {
            times = new ArrayDeque<>();
        }
        while (!times.isEmpty() && now - times.peekFirst() >= MINUTE_NANOS) {
            times.pollFirst();
        }
        recent.put(key, times);
        Iterator<ArrayDeque<Long>> oldest = recent.values().iterator();
        while (recent.size() > MAX_KEYS && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
        return times;
    }
}
