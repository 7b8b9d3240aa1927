package dev.relive.cluster.internal;

import static dev.relive.cluster.internal.TestMembers.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.relive.api.PresenceDiff;
import dev.relive.api.PresenceEntry;

/** When a member dies, the survivors drop its presence entries and keep the state it owned. */
class MemberDeathTest {

    @Test
    void aDeadMembersEntriesGoAndItsStateStays() {
        try (TestMembers cluster = TestMembers.start(2)) {
            ClusterTopics topicsA = new ClusterTopics(cluster.get(0));
            ClusterTopics topicsB = new ClusterTopics(cluster.get(1));
            ClusterPresence survivor = new ClusterPresence(cluster.get(0), topicsA);
            ClusterPresence doomed = new ClusterPresence(cluster.get(1), topicsB);
            survivor.track("chat:tea", "tab-a", Map.of("name", "ada"));
            doomed.track("chat:tea", "tab-b", Map.of("name", "bob"));
            doomed.track("chat:coffee", "tab-b", Map.of("name", "bob"));
            for (int i = 0; i < 100; i++) {
                new ClusterStateStore(cluster.get(1)).put("tab-" + i, new byte[] {(byte) i}, java.time.Duration.ofMinutes(5));
            }
            ClusterStateStore states = new ClusterStateStore(cluster.get(0));
            // puts are asynchronous and land in any order: wait for every one, and for their backups
            await(() -> java.util.stream.IntStream.range(0, 100).allMatch(i -> states.get("tab-" + i).isPresent()),
                    "every state written");
            await(() -> cluster.get(0).getPartitionService().isClusterSafe(), "the backups in place");
            List<Object> diffs = new CopyOnWriteArrayList<>();
            topicsA.subscribe("chat:tea", diffs::add);

            long killed = System.nanoTime();
            cluster.get(1).getLifecycleService().terminate();
            await(() -> survivor.list("chat:tea").size() == 1 && survivor.list("chat:coffee").isEmpty(),
                    "the dead member's entries to go");
            long goneMillis = (System.nanoTime() - killed) / 1_000_000;
            System.out.println("presence entries of a terminated member gone after " + goneMillis + " ms (grace "
                    + TestMembers.GRACE.toSeconds() + " s)");

            assertThat(survivor.list("chat:tea")).containsExactly(new PresenceEntry("tab-a", Map.of("name", "ada")));
            assertThat(diffs).containsExactly(new PresenceDiff(List.of(),
                    List.of(new PresenceEntry("tab-b", Map.of("name", "bob")))));
            for (int i = 0; i < 100; i++) {
                assertThat(states.get("tab-" + i)).as("state of tab-" + i).isPresent();
            }
            survivor.stop();
        }
    }
}
