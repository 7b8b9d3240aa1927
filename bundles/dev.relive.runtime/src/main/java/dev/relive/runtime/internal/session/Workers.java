package dev.relive.runtime.internal.session;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The threads sessions run on: a pool for events, ticks and pushes (each session serialized on it), and one timer
 * thread that only enqueues ticks. Never the Jetty I/O threads.
 */
@Component(service = Workers.class)
public class Workers {

    private final ExecutorService pool;
    private final int threads;
    private final ScheduledExecutorService timer;

    @Activate
    public Workers() {
        threads = Math.max(8, java.lang.Runtime.getRuntime().availableProcessors() * 4);
        pool = Executors.newFixedThreadPool(threads, named("relive-session-"));
        timer = Executors.newSingleThreadScheduledExecutor(named("relive-timer-"));
    }

    public ExecutorService pool() {
        return pool;
    }

    /** Threads in {@link #pool()}. */
    public int threads() {
        return threads;
    }

    public ScheduledExecutorService timer() {
        return timer;
    }

    @Deactivate
    void stop() throws InterruptedException {
        timer.shutdownNow();
        pool.shutdown();
        if (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
