package dev.relive.cluster.internal;

import static dev.relive.cluster.internal.TestMembers.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.relive.api.PresenceEntry;

/**
 * A tab resumed on a survivor tracks its entry again, under the same key and meta, before the cluster has dropped the
 * member that tracked it first: the entry is the survivor's from then on, and the dead member's departure leaves it
 * (while the dead member's other entries go).
 */
class Issue18ResumedPresenceTest {

    @Test
    void anEntryTrackedAgainBeforeItsFirstMemberLeftOutlivesThatMember() {
        try (TestMembers cluster = TestMembers.start(2)) {
            ClusterPresence survivor = new ClusterPresence(cluster.get(0), new ClusterTopics(cluster.get(0)));
            ClusterPresence doomed = new ClusterPresence(cluster.get(1), new ClusterTopics(cluster.get(1)));
            PresenceEntry ada = new PresenceEntry("tab-ada", Map.of("name", "ada"));
            PresenceEntry bob = new PresenceEntry("tab-bob", Map.of("name", "bob"));
            doomed.track("chat:tea", "tab-ada", Map.of("name", "ada"));
            doomed.track("chat:tea", "tab-carl", Map.of("name", "carl"));
            survivor.track("chat:tea", "tab-bob", Map.of("name", "bob"));

            survivor.track("chat:tea", "tab-ada", Map.of("name", "ada"));
            cluster.get(1).getLifecycleService().terminate();
            await(() -> survivor.list("chat:tea").stream().noneMatch(e -> e.key().equals("tab-carl")),
                    "the dead member's own entry to go");

            assertThat(survivor.list("chat:tea")).containsExactly(ada, bob);
            survivor.stop();
        }
    }
}
