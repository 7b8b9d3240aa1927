package dev.relive.runtime.internal.session;

import java.util.ArrayDeque;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs one session's tasks one at a time, in submission order, on a shared pool. {@link #hold()} lets another
 * thread work on the session's state while tasks queue up; {@link #release()} lets them run.
 */
final class SerialExecutor implements Executor {

    /** Tasks run per turn on a pool thread before it is given back, so a busy session does not starve others. */
    private static final int BATCH = 32;

    private final Executor pool;
    private final Consumer<Throwable> onError;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean scheduled;
    private int holds;
    private Thread runner;
    /** See {@link #waitingSince()}; meaningless when the queue is empty. */
    private long oldestQueuedAt;

    SerialExecutor(Executor pool, Consumer<Throwable> onError) {
        this.pool = pool;
        this.onError = onError;
    }

    @Override
    public synchronized void execute(Runnable task) {
        if (queue.isEmpty()) {
            oldestQueuedAt = System.nanoTime();
        }
        queue.add(task);
        scheduleIfIdle();
    }

    /**
     * Waits until no task runs, then keeps queued tasks waiting until {@link #release()}. Nests. A turn scheduled on
     * the pool but not started is not waited for: it will find the executor held and end at once, so a hold does not
     * wait behind other sessions' work queued on the pool.
     */
    void hold() throws InterruptedException {
        synchronized (this) {
            if (runner == Thread.currentThread()) {
                throw new IllegalStateException("hold() from inside a session task would wait for itself");
            }
            holds++;
            while (runner != null) {
                wait();
            }
        }
    }

    synchronized void release() {
        if (holds == 0) {
            throw new IllegalStateException("release() without hold()");
        }
        holds--;
        scheduleIfIdle();
    }

    /** Someone holds the executor now. */
    synchronized boolean held() {
        return holds > 0;
    }

    synchronized int queued() {
        return queue.size();
    }

    /**
     * Since when a task has waited in the queue, in {@link System#nanoTime()} terms: when the oldest queued task was
     * submitted, or when the last task to run was taken if others were queued behind it; empty when none waits.
     */
    synchronized OptionalLong waitingSince() {
        return queue.isEmpty() ? OptionalLong.empty() : OptionalLong.of(oldestQueuedAt);
    }

    /** Whether the calling thread is running one of this executor's tasks. */
    synchronized boolean inTask() {
        return runner == Thread.currentThread();
    }

    private void scheduleIfIdle() {
        if (!scheduled && holds == 0 && !queue.isEmpty()) {
            scheduled = true;
            pool.execute(this::drain);
        }
    }

    private void drain() {
        for (int i = 0; i < BATCH; i++) {
            Runnable task;
            synchronized (this) {
                if (holds > 0 || queue.isEmpty()) {
                    scheduled = false;
                    runner = null;
                    notifyAll();
                    return;
                }
                task = queue.poll();
                oldestQueuedAt = System.nanoTime();
                runner = Thread.currentThread();
            }
            try {
                task.run();
            } catch (Throwable t) {
                onError.accept(t);
            }
        }
        synchronized (this) {
            runner = null;
            scheduled = false;
            notifyAll();
            scheduleIfIdle();
        }
    }
}
