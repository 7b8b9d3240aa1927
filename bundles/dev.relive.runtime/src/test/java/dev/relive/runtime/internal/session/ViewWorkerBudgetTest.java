package dev.relive.runtime.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ViewWorkerBudgetTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aBlockedViewHoldsAtMostItsBudgetAndOtherViewsStillRun() throws Exception {
        ViewWorkerBudget budget = new ViewWorkerBudget(pool, 2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger slowRunning = new AtomicInteger();
        AtomicInteger slowMax = new AtomicInteger();
        var slow = budget.executor(() -> "Slow");
        for (int i = 0; i < 10; i++) {
            slow.execute(() -> {
                slowMax.accumulateAndGet(slowRunning.incrementAndGet(), Math::max);
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                slowRunning.decrementAndGet();
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (slowRunning.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(slowRunning.get()).as("the slow view uses its whole budget of two workers").isEqualTo(2);
        CountDownLatch fastRan = new CountDownLatch(1);
        budget.executor(() -> "Fast").execute(fastRan::countDown);
        assertThat(fastRan.await(30, TimeUnit.SECONDS)).as("another view runs while the slow one blocks").isTrue();
        assertThat(slowMax.get()).isLessThanOrEqualTo(2);
        release.countDown();
        CountDownLatch slowAfter = new CountDownLatch(1);
        slow.execute(slowAfter::countDown);
        assertThat(slowAfter.await(30, TimeUnit.SECONDS)).as("the slow view's queue drains").isTrue();
        assertThat(slowMax.get()).isLessThanOrEqualTo(2);
    }
}
