package dev.relive.runtime.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A held session tells since when its oldest queued event has waited: a swap releases the longest waiting first. */
class Issue13WaitingSinceTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void theFirstTaskQueuedBehindAHoldSetsTheTimeAndLaterOnesDoNot() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool, Throwable::printStackTrace);
        serial.hold();
        assertThat(serial.waitingSince()).isEmpty();

        long beforeFirst = System.nanoTime();
        serial.execute(() -> { });
        long afterFirst = System.nanoTime();
        OptionalLong since = serial.waitingSince();
        serial.execute(() -> { });

        assertThat(since).isPresent();
        assertThat(since.getAsLong() - beforeFirst).isGreaterThanOrEqualTo(0);
        assertThat(afterFirst - since.getAsLong()).isGreaterThanOrEqualTo(0);
        assertThat(serial.waitingSince()).isEqualTo(since);

        CountDownLatch ran = new CountDownLatch(1);
        serial.execute(ran::countDown);
        serial.release();
        assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
        serial.hold();
        assertThat(serial.waitingSince()).isEmpty();
        serial.release();
    }
}
