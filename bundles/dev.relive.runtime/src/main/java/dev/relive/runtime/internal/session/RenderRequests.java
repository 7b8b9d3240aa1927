package dev.relive.runtime.internal.session;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.relive.runtime.internal.protocol.ErrorCode;

/**
 * Merges one session's {@code render} requests: at most one full render is queued or running, and full renders
 * are at least {@link #MIN_INTERVAL_NANOS} apart. A request made while one is pending is answered by that one (with
 * the latest {@code ref}), so a client asking again and again gets a few renders, not one per frame.
 */
final class RenderRequests {

    static final long MIN_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final ScheduledExecutorService timer;
    private final TabSession session;
    private boolean pending;
    private Long latestRef;
    private long lastSentNanos;
    private boolean sentOnce;

    RenderRequests(ScheduledExecutorService timer, TabSession session) {
        this.timer = timer;
        this.session = session;
    }

    /** Asks for a full render answering {@code ref}; merged into a pending one when there is one. */
    void request(Long ref) {
        long delay;
        synchronized (this) {
            latestRef = ref;
            if (pending) {
                return;
            }
            pending = true;
            delay = sentOnce ? Math.max(0, lastSentNanos + MIN_INTERVAL_NANOS - System.nanoTime()) : 0;
        }
        if (delay == 0) {
            session.submit(this::send);
        } else {
            timer.schedule(() -> session.submit(this::send), delay, TimeUnit.NANOSECONDS);
        }
    }

    private void send() {
        Long ref;
        synchronized (this) {
            ref = latestRef;
            pending = false;
            sentOnce = true;
            lastSentNanos = System.nanoTime();
        }
        if (session.tree().mounted()) {
            session.sendRender(ref);
        } else {
            session.sendError(ref, ErrorCode.NOT_MOUNTED, "send a mount frame first", null);
        }
    }
}
