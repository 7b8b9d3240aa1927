package dev.relive.itest;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until a value passes, for state that the framework reaches asynchronously (SCR, the whiteboard, sockets). */
final class Eventually {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Eventually() {
    }

    /**
     * The first value of {@code probe} that passes {@code test} within {@link #TIMEOUT}; else an error naming it. A
     * probe that throws counts as not yet there (a service can go away between two calls while SCR reactivates
     * components); the last exception is the cause of the timeout error.
     */
    static <T> T await(String what, Supplier<T> probe, Predicate<? super T> test) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            RuntimeException failure = null;
            T last = null;
            try {
                last = probe.get();
                if (test.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                failure = e;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + TIMEOUT.toSeconds() + " s waiting for " + what
                        + (failure == null ? "; last seen: " + last : "; last probe failed"), failure);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
