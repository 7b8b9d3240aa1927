package dev.relive.runtime.internal.swap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one action per session on as many threads as there are cores (the calling thread one of them), each thread
 * taking the next session when it is done with one: holding and capturing, or restoring and rendering, a thousand
 * sessions is spread over the cores, and each session is done as early as its place in the list allows. An action's
 * exception ends nothing but that action's thread; it is rethrown once every thread has stopped.
 */
final class ParallelRestore {

    /** Below this many sessions a second thread costs more than it saves. */
    private static final int SESSIONS_PER_EXTRA_THREAD = 4;

    private ParallelRestore() {
    }

    /** The outcomes, in the order of {@code sessions}. */
    static <S, T> List<T> run(List<S> sessions, Function<S, T> action) throws InterruptedException {
        List<T> results = new ArrayList<>(sessions.size());
        for (int i = 0; i < sessions.size(); i++) {
            results.add(null);
        }
        AtomicInteger next = new AtomicInteger();
        onThreads(sessions.size(), () -> {
            for (int i = next.getAndIncrement(); i < sessions.size(); i = next.getAndIncrement()) {
                T result = action.apply(sessions.get(i));
                synchronized (results) {
                    results.set(i, result);
                }
            }
        });
        synchronized (results) {
            return new ArrayList<>(results);
        }
    }

    /**
     * The outcomes of the {@code count} sessions that {@code next} hands out one at a time (then {@code null}), in
     * the order they were done: {@code next} decides, at each take, which session goes first.
     */
    static <S, T> List<T> drain(int count, Supplier<S> next, Function<S, T> action) throws InterruptedException {
        List<T> results = new ArrayList<>(count);
        onThreads(count, () -> {
            for (S session = next.get(); session != null; session = next.get()) {
                T result = action.apply(session);
                synchronized (results) {
                    results.add(result);
                }
            }
        });
        synchronized (results) {
            return new ArrayList<>(results);
        }
    }

    private static void onThreads(int sessions, Runnable worker) throws InterruptedException {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(),
                sessions / SESSIONS_PER_EXTRA_THREAD));
        RuntimeException[] failure = new RuntimeException[1];
        List<Thread> helpers = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            Thread helper = new Thread(() -> {
                try {
                    worker.run();
                } catch (RuntimeException e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            }, "relive-swap-" + t);
            helper.setDaemon(true);
            helper.setContextClassLoader(Thread.currentThread().getContextClassLoader());
            helper.start();
            helpers.add(helper);
        }
        try {
            worker.run();
        } finally {
            for (Thread helper : helpers) {
                helper.join();
            }
        }
        synchronized (failure) {
            if (failure[0] != null) {
                throw failure[0];
            }
        }
    }
}
