package dev.relive.runtime.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void allowsABurstOfOneSecondThenRefuses() {
        RateLimiter limiter = new RateLimiter(50);
        int allowed = 0;
        for (int i = 0; i < 200; i++) {
            if (limiter.tryAcquire()) {
                allowed++;
            }
        }
        assertThat(allowed).isBetween(50, 55);
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
