package dev.relive.runtime.internal.swap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class Issue13ParallelRestoreTest {

    @Test
    void everySessionOnceAndTheOutcomesInTheirOrder() throws Exception {
        List<Integer> sessions = IntStream.range(0, 1000).boxed().toList();
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        Set<String> threads = ConcurrentHashMap.newKeySet();

        List<String> outcomes = ParallelRestore.run(sessions, session -> {
            assertThat(seen.add(session)).isTrue();
            threads.add(Thread.currentThread().getName());
            return "swapped " + session;
        });

        assertThat(outcomes).containsExactlyElementsOf(sessions.stream().map(s -> "swapped " + s).toList());
        assertThat(seen).hasSize(1000);
        assertThat(threads).hasSizeBetween(1, Runtime.getRuntime().availableProcessors());
    }

    @Test
    void aFewSessionsStayOnTheCallingThread() throws Exception {
        String caller = Thread.currentThread().getName();

        List<String> threads = ParallelRestore.run(List.of(1, 2, 3), session -> Thread.currentThread().getName());

        assertThat(threads).containsOnly(caller);
    }

    @Test
    void aFailureIsRethrownOnceTheOtherSessionsAreDone() {
        List<Integer> sessions = IntStream.range(0, 200).boxed().toList();
        Set<Integer> done = ConcurrentHashMap.newKeySet();

        assertThatThrownBy(() -> ParallelRestore.run(sessions, session -> {
            if (session == 7) {
                throw new IllegalStateException("session 7 failed");
            }
            done.add(session);
            return session;
        })).isInstanceOf(IllegalStateException.class).hasMessage("session 7 failed");
        assertThat(done).hasSizeGreaterThanOrEqualTo(1).doesNotContain(7);
    }
}
