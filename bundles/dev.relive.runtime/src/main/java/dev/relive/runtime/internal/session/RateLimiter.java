package dev.relive.runtime.internal.session;

/** A token bucket: {@code perSecond} events a second, bursts up to one second's worth. Thread-confined. */
final class RateLimiter {

    private final double perNano;
    private final double capacity;
    private double tokens;
    private long last;

    RateLimiter(int perSecond) {
        this.capacity = Math.max(1, perSecond);
        this.perNano = capacity / 1e9;
        this.tokens = capacity;
        this.last = System.nanoTime();
    }

    boolean tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
