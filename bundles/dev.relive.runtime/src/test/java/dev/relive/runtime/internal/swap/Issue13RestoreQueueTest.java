package dev.relive.runtime.internal.swap;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.relive.runtime.spi.LiveSession;

/**
 * A swap hands out its held sessions most urgent first, and a session whose user acts while the others are being
 * restored moves ahead of the idle ones left, instead of waiting for its place in the order the swap began with.
 */
class Issue13RestoreQueueTest {

    private final Map<String, Long> waiting = new ConcurrentHashMap<>();
    private final Map<String, Integer> asked = new ConcurrentHashMap<>();

    @Test
    void aSessionThatStartsWaitingDuringTheRestoreGoesBeforeTheIdleOnesLeft() {
        List<CapturedSession> round = IntStream.range(0, 100).mapToObj(i -> captured("s" + i)).toList();
        waiting.put("s50", 100L);
        RestoreQueue queue = new RestoreQueue(round);

        List<String> taken = new ArrayList<>();
        taken.add(queue.next().session().id());
        waiting.put("s90", 200L);
        waiting.put("s70", 150L);
        for (CapturedSession next = queue.next(); next != null; next = queue.next()) {
            taken.add(next.session().id());
        }

        assertThat(taken.get(0)).isEqualTo("s50");
        assertThat(taken.subList(0, RestoreQueue.RANK_EVERY + 2)).containsSubsequence("s70", "s90");
        assertThat(taken).hasSize(100).doesNotHaveDuplicates();
    }

    @Test
    void everySessionIsHandedOutOnceAcrossThreads() throws Exception {
        List<CapturedSession> round = IntStream.range(0, 1000).mapToObj(i -> captured("s" + i)).toList();
        RestoreQueue queue = new RestoreQueue(round);
        Set<String> seen = ConcurrentHashMap.newKeySet();

        List<String> outcomes = ParallelRestore.drain(queue.size(), queue::next, session -> {
            assertThat(seen.add(session.session().id())).isTrue();
            if (session.session().id().endsWith("7")) {
                waiting.put("s" + (999 - seen.size() % 500), (long) seen.size());
            }
            return session.session().id();
        });

        assertThat(outcomes).hasSize(1000).doesNotHaveDuplicates();
        assertThat(seen).hasSize(1000);
        assertThat(queue.next()).isNull();
    }

    @Test
    void aSessionFoundWaitingIsNotAskedAgainAndTheOrderIsNotWorkedOutFromScratch() {
        List<CapturedSession> round = IntStream.range(0, 1000).mapToObj(i -> captured("s" + i)).toList();
        for (int i = 0; i < 1000; i += 2) {
            waiting.put("s" + i, (long) -i);
        }
        RestoreQueue queue = new RestoreQueue(round);

        List<String> taken = new ArrayList<>();
        for (CapturedSession next = queue.next(); next != null; next = queue.next()) {
            taken.add(next.session().id());
        }

        assertThat(taken.subList(0, 3)).containsExactly("s998", "s996", "s994");
        assertThat(taken.subList(500, 503)).containsExactly("s1", "s3", "s5");
        assertThat(asked.get("s0")).isEqualTo(1);
        // an idle session is asked at the start and then once every RANK_EVERY sessions taken, until it is taken
        assertThat(asked.get("s999")).isLessThanOrEqualTo(1 + 1000 / RestoreQueue.RANK_EVERY);
        assertThat(asked.values().stream().mapToInt(Integer::intValue).sum()).isLessThan(1000 * 1000 / 8 / 2 + 1000);
    }

    private CapturedSession captured(String id) {
        LiveSession session = (LiveSession) Proxy.newProxyInstance(Issue13RestoreQueueTest.class.getClassLoader(),
                new Class<?>[] {LiveSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "id" -> id;
                    case "waitingSince" -> asked.merge(id, 1, Integer::sum) > 0 && waiting.containsKey(id) ? OptionalLong.of(waiting.get(id))
                            : OptionalLong.empty();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new CapturedSession(session, List.of());
    }
}
