package dev.relive.runtime.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

/**
 * A session whose turn is scheduled on a busy pool but has not started is held at once, without waiting for the pool
 * to get to it; its turn, when it comes, runs nothing, and the queued task runs once, after the release.
 */
class Issue13HoldBeforeTurnTest {

    /** A pool that runs what it is given only when told to. */
    private final ArrayDeque<Runnable> pool = new ArrayDeque<>();
    private final Executor later = pool::add;

    @Test
    void aTurnNotStartedIsNotWaitedForAndRunsNothingWhileHeld() throws Exception {
        SerialExecutor serial = new SerialExecutor(later, Throwable::printStackTrace);
        List<String> log = new ArrayList<>();
        serial.execute(() -> log.add("event"));
        assertThat(pool).hasSize(1);

        Thread holder = new Thread(() -> {
            try {
                serial.hold();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        holder.setDaemon(true);
        holder.start();
        holder.join(30_000);
        assertThat(holder.isAlive()).as("the hold waits for a turn nobody runs").isFalse();
        assertThat(serial.held()).isTrue();

        pool.poll().run();
        assertThat(log).as("the turn that came while held").isEmpty();
        assertThat(serial.queued()).isEqualTo(1);

        serial.release();
        while (!pool.isEmpty()) {
            pool.poll().run();
        }
        assertThat(log).containsExactly("event");
    }

    @Test
    void aReleaseBeforeTheTurnComesLetsThatTurnRunTheTask() throws Exception {
        SerialExecutor serial = new SerialExecutor(later, Throwable::printStackTrace);
        List<String> log = new ArrayList<>();
        serial.execute(() -> log.add("event"));

        serial.hold();
        serial.release();
        while (!pool.isEmpty()) {
            pool.poll().run();
        }

        assertThat(log).containsExactly("event");
    }
}
