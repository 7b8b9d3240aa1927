package dev.relive.runtime.internal.session;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The timers of a session's views: each view whose {@code tickInterval()} is positive gets a timer that queues a
 * tick on the session, at most one queued per view at a time, so a slow session skips ticks instead of piling them up.
 */
final class Ticks {

    /** The shortest interval honoured, in milliseconds. */
    private static final long MIN_MS = 10;

    private final ScheduledExecutorService timer;
    private final Executor sessionTasks;
    private final Consumer<Slot> tick;

    /** {@code tick} runs on {@code sessionTasks} for each tick of a slot's view. */
    Ticks(ScheduledExecutorService timer, Executor sessionTasks, Consumer<Slot> tick) {
        this.timer = timer;
        this.sessionTasks = sessionTasks;
        this.tick = tick;
    }

    /** Starts, restarts or stops the timer of each slot whose view's interval changed. */
    void schedule(List<Slot> slots) {
        slots.forEach(this::schedule);
    }

    private void schedule(Slot slot) {
        Duration interval;
        try {
            interval = slot.view.tickInterval();
        } catch (RuntimeException e) {
            interval = null;
        }
        if (Objects.equals(interval, slot.tickInterval)) {
            return;
        }
        if (slot.tick != null) {
            slot.tick.cancel(false);
            slot.tick = null;
        }
        slot.tickInterval = interval;
        if (interval == null || interval.isZero() || interval.isNegative()) {
            return;
        }
        long ms = Math.max(MIN_MS, interval.toMillis());
        slot.tick = timer.scheduleWithFixedDelay(() -> {
            if (slot.tickQueued.compareAndSet(false, true)) {
                sessionTasks.execute(() -> {
                    slot.tickQueued.set(false);
                    tick.accept(slot);
                });
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }
}
