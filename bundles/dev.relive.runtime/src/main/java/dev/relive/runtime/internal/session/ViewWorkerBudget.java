package dev.relive.runtime.internal.session;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Shares the worker pool between view classes: the sessions showing one view class run on at most
 * {@code perView} workers at once; their further work waits in that view's lane while the other workers serve
 * other views. A view whose handlers block (a slow call, a sleep) therefore delays only the sessions showing it.
 */
final class ViewWorkerBudget {

    private final Executor pool;
    private final int perView;
    private final Map<String, Lane> lanes = new HashMap<>();

    ViewWorkerBudget(Executor pool, int perView) {
        this.pool = pool;
        this.perView = Math.max(1, perView);
    }

    /** An executor for one session, whose view class {@code viewClass} names at the time each task is queued. */
    Executor executor(Supplier<String> viewClass) {
        return task -> execute(viewClass.get(), task);
    }

    int perView() {
        return perView;
    }

    private void execute(String view, Runnable task) {
        Lane lane;
        synchronized (this) {
            lane = lanes.computeIfAbsent(view, v -> new Lane());
            if (lane.running >= perView) {
                lane.waiting.add(task);
                return;
            }
            lane.running++;
        }
        start(view, lane, task);
    }

    private void start(String view, Lane lane, Runnable task) {
        pool.execute(() -> {
            try {
                task.run();
            } finally {
                next(view, lane);
            }
        });
    }

    private void next(String view, Lane lane) {
        Runnable task;
        synchronized (this) {
            task = lane.waiting.poll();
            if (task == null) {
                lane.running--;
                if (lane.running == 0) {
                    lanes.remove(view);
                }
                return;
            }
        }
        start(view, lane, task);
    }

    private static final class Lane {
        final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
        int running;
    }
}
