package dev.relive.runtime.internal.swap;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.relive.runtime.spi.LiveSession;
import dev.relive.runtime.spi.LiveSessions;

/** Holding is spread over the cores; still every session is held once and released once. */
class Issue13ParallelHoldTest {

    private final Map<String, AtomicInteger> holds = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> releases = new ConcurrentHashMap<>();
    private final Set<String> holdThreads = ConcurrentHashMap.newKeySet();

    @Test
    void everySessionIsHeldOnceAndReleasedOnceAcrossCaptures() throws Exception {
        List<LiveSession> connected = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            connected.add(session("s" + i));
        }
        HeldSessions held = new HeldSessions(sessions(connected), Set.of(), SessionRestoreTest.NO_INJECTION,
                new ClassShapes());

        assertThat(held.captureAll()).isEmpty(); // none has mounted a view yet: held, nothing to capture
        for (int i = 400; i < 450; i++) {
            connected.add(session("s" + i));
        }
        assertThat(held.captureLate()).isEmpty();
        held.release(connected.get(0));
        held.releaseAll();
        held.releaseAll();

        assertThat(holds).hasSize(450).allSatisfy((id, n) -> assertThat(n.get()).isEqualTo(1));
        assertThat(releases).hasSize(450).allSatisfy((id, n) -> assertThat(n.get()).isEqualTo(1));
        assertThat(holdThreads).hasSizeBetween(1, Runtime.getRuntime().availableProcessors());
    }

    private LiveSession session(String id) {
        return (LiveSession) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {LiveSession.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "id" -> id;
                    case "slots" -> List.of();
                    case "hold" -> {
                        holdThreads.add(Thread.currentThread().getName());
                        holds.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                        yield null;
                    }
                    case "release" -> {
                        releases.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                        yield null;
                    }
                    case "hashCode" -> id.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static LiveSessions sessions(List<LiveSession> connected) {
        return (LiveSessions) Proxy.newProxyInstance(Issue13ParallelHoldTest.class.getClassLoader(),
                new Class<?>[] {LiveSessions.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "sessions" -> List.copyOf(connected);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
