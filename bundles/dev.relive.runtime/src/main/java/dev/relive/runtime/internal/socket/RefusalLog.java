package dev.relive.runtime.internal.socket;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs refused connections: the first one, then at most one line a second with how many were refused since, so a
 * flood of refusals does not become a flood of log lines.
 */
final class RefusalLog {

    private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final AtomicLong refusedSinceLine = new AtomicLong();
    private long lastLineNanos;
    private boolean logged;

    void refused(ConnectionLimits.Refusal refusal, String address, int limit) {
        long count = refusedSinceLine.incrementAndGet();
        long now = System.nanoTime();
        synchronized (this) {
            if (logged && now - lastLineNanos < INTERVAL_NANOS) {
                return;
            }
            logged = true;
            lastLineNanos = now;
        }
        refusedSinceLine.addAndGet(-count);
        LOG.warn("WebSocket refused from {}: {} connections open is the limit ({}); {} refused since the last line",
                address, limit, refusal.key, count);
    }
}
