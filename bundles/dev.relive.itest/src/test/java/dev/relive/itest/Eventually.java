package dev.relive.itest;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until a value passes, for state that the framework reaches asynchronously (SCR, the whiteboard, sockets). */
final class Eventually {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Eventually() {
    }

    /** The first value of {@code probe} that passes {@code test} within {@link #TIMEOUT}; else an error naming it. */
    static <T> T await(String what, Supplier<T> probe, Predicate<? super T> test) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        T last = probe.get();
        while (!test.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + TIMEOUT.toSeconds() + " s waiting for " + what
                        + "; last seen: " + last);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
            last = probe.get();
        }
        return last;
    }
}
