package dev.relive.runtime.internal.protocol;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The numbers production gives a failure instead of its details: the browser is told the number, the log has the
 * details under it, so a user's report can be matched to them. One sequence per runtime.
 */
public final class Incidents {

    private static final AtomicLong LAST = new AtomicLong();

    private Incidents() {
    }

    public static long next() {
        return LAST.incrementAndGet();
    }
}
