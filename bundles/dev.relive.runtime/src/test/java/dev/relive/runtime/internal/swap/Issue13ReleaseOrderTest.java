package dev.relive.runtime.internal.swap;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import dev.relive.runtime.spi.LiveSession;

/** A swap restores and releases the sessions whose events have waited longest first, then the idle ones. */
class Issue13ReleaseOrderTest {

    @Test
    void sessionsWithQueuedEventsComeFirstTheLongestWaitingFirst() {
        CapturedSession idleA = captured("idle-a", OptionalLong.empty());
        CapturedSession recent = captured("recent", OptionalLong.of(300));
        CapturedSession idleB = captured("idle-b", OptionalLong.empty());
        CapturedSession oldest = captured("oldest", OptionalLong.of(100));
        CapturedSession middle = captured("middle", OptionalLong.of(200));

        List<CapturedSession> order = order(List.of(idleA, recent, idleB, oldest, middle));

        assertThat(order).extracting(c -> c.session().id())
                .containsExactly("oldest", "middle", "recent", "idle-a", "idle-b");
    }

    @Test
    void waitingTimesAreComparedAsNanoTimesAcrossTheirOverflow() {
        CapturedSession beforeOverflow = captured("before", OptionalLong.of(Long.MAX_VALUE - 10));
        CapturedSession afterOverflow = captured("after", OptionalLong.of(Long.MIN_VALUE + 10));

        List<CapturedSession> order = order(List.of(afterOverflow, beforeOverflow));

        assertThat(order).extracting(c -> c.session().id()).containsExactly("before", "after");
    }

    @Test
    void idleSessionsKeepTheirCaptureOrder() {
        List<CapturedSession> idle = List.of(captured("1", OptionalLong.empty()), captured("2", OptionalLong.empty()),
                captured("3", OptionalLong.empty()));

        assertThat(order(idle)).containsExactlyElementsOf(idle);
    }

    /** The order a {@link RestoreQueue} hands the sessions out in. */
    private static List<CapturedSession> order(List<CapturedSession> round) {
        RestoreQueue queue = new RestoreQueue(round);
        List<CapturedSession> order = new ArrayList<>();
        for (CapturedSession next = queue.next(); next != null; next = queue.next()) {
            order.add(next);
        }
        return order;
    }

    private static CapturedSession captured(String id, OptionalLong waitingSince) {
        LiveSession session = (LiveSession) Proxy.newProxyInstance(Issue13ReleaseOrderTest.class.getClassLoader(),
                new Class<?>[] {LiveSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "id" -> id;
                    case "waitingSince" -> waitingSince;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new CapturedSession(session, List.of());
    }
}
