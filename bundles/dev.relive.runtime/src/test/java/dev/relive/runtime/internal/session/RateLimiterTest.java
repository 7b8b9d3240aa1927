package dev.relive.runtime.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void allowsABurstOfOneSecondThenRefuses() {
        long t0 = System.nanoTime();
        RateLimiter limiter = new RateLimiter(50);
        int allowed = 0;
        for (int i = 0; i < 200; i++) {
            if (limiter.tryAcquire()) {
                allowed++;
            }
        }
        // the bucket refills while the loop runs, however long a loaded machine makes it take
        int refilled = (int) Math.ceil((System.nanoTime() - t0) / 1e9 * 50);
        assertThat(allowed).isBetween(50, 50 + refilled);
    }

    @Test
    void refillsOverTime() throws Exception {
        RateLimiter limiter = new RateLimiter(100);
        while (limiter.tryAcquire()) {
            // drain
        }
        Thread.sleep(100);
        assertThat(limiter.tryAcquire()).isTrue();
    }
}
