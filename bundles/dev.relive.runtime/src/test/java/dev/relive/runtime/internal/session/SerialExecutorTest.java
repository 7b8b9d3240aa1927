package dev.relive.runtime.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void runsTasksOneAtATimeInOrder() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool, Throwable::printStackTrace);
        List<Integer> seen = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1000);
        for (int i = 0; i < 1000; i++) {
            int n = i;
            serial.execute(() -> {
                if (running.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                seen.add(n);
                running.decrementAndGet();
                done.countDown();
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(overlaps.get()).isZero();
        assertThat(seen).isSorted().hasSize(1000);
    }

    @Test
    void holdWaitsForTheRunningTaskAndQueuesTheRestUntilRelease() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool, Throwable::printStackTrace);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        List<String> log = new CopyOnWriteArrayList<>();
        serial.execute(() -> {
            started.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.add("first");
        });
        started.await();
        Thread holder = new Thread(() -> {
            try {
                serial.hold();
                log.add("held");
                serial.execute(() -> log.add("queued"));
                Thread.sleep(50);
                log.add("releasing");
                serial.release();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        holder.start();
        Thread.sleep(50);
        assertThat(log).isEmpty();
        finish.countDown();
        holder.join(30_000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (log.size() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(log).containsExactly("first", "held", "releasing", "queued");
    }

    @Test
    void aFailingTaskDoesNotStopTheOthers() throws Exception {
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        SerialExecutor serial = new SerialExecutor(pool, errors::add);
        CountDownLatch after = new CountDownLatch(1);
        serial.execute(() -> {
            throw new IllegalStateException("boom");
        });
        serial.execute(after::countDown);
        assertThat(after.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(errors).hasSize(1);
    }
}
