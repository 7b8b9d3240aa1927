package dev.relive.cluster.internal;

import static dev.relive.cluster.internal.TestMembers.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.relive.api.PresenceDiff;
import dev.relive.api.PresenceEntry;
import dev.relive.api.Subscription;
import dev.relive.api.User;
import dev.relive.api.security.WebSession;

/** The cluster's services on two members in one JVM. */
class ClusterServicesTest {

    private static TestMembers cluster;
    private static ClusterTopics topicsA;
    private static ClusterTopics topicsB;

    @BeforeAll
    static void startCluster() {
        cluster = TestMembers.start(2);
        topicsA = new ClusterTopics(cluster.get(0));
        topicsB = new ClusterTopics(cluster.get(1));
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void aMessagePublishedOnOneMemberReachesSubscribersOnBoth() {
        List<Object> onA = new CopyOnWriteArrayList<>();
        List<Object> onB = new CopyOnWriteArrayList<>();
        try (Subscription a = topicsA.subscribe("room", onA::add); Subscription b = topicsB.subscribe("room", onB::add)) {
            topicsA.publish("room", Map.of("author", "ada", "text", "hello"));
            assertThat(onA).containsExactly(Map.of("author", "ada", "text", "hello")); // on the publishing thread
            await(() -> onB.size() == 1, "the message on the other member");
            assertThat(onB).containsExactly(Map.of("author", "ada", "text", "hello"));
        }
    }

    @Test
    void messagesFromOneMemberArriveInPublishOrderAndOnlyOnTheirTopic() {
        List<Object> onB = new CopyOnWriteArrayList<>();
        List<Object> otherTopic = new CopyOnWriteArrayList<>();
        try (Subscription b = topicsB.subscribe("ordered", onB::add);
                Subscription o = topicsB.subscribe("elsewhere", otherTopic::add)) {
            for (int i = 0; i < 200; i++) {
                topicsA.publish("ordered", i);
            }
            await(() -> onB.size() == 200, "all 200 messages");
            assertThat(onB).isEqualTo(java.util.stream.IntStream.range(0, 200).boxed().toList());
            assertThat(otherTopic).isEmpty();
        }
    }

    @Test
    void aMessageThatCannotBeSerializedStaysOnItsMember() {
        Object local = new Object();
        List<Object> onA = new CopyOnWriteArrayList<>();
        List<Object> onB = new CopyOnWriteArrayList<>();
        try (Subscription a = topicsA.subscribe("mixed", onA::add); Subscription b = topicsB.subscribe("mixed", onB::add)) {
            topicsA.publish("mixed", local);
            topicsA.publish("mixed", "after");
            await(() -> onB.size() == 1, "the serializable message");
            assertThat(onA).containsExactly(local, "after");
            assertThat(onB).containsExactly("after");
        }
    }

    @Test
    void presenceIsSharedAndItsDiffsReachSubscribersOnTheOtherMember() {
        ClusterPresence presenceA = new ClusterPresence(cluster.get(0), topicsA);
        ClusterPresence presenceB = new ClusterPresence(cluster.get(1), topicsB);
        List<Object> diffsOnB = new CopyOnWriteArrayList<>();
        try (Subscription b = topicsB.subscribe("chat:tea", diffsOnB::add)) {
            presenceA.track("chat:tea", "tab-1", Map.of("name", "ada"));
            presenceB.track("chat:tea", "tab-2", Map.of("name", "bob"));
            assertThat(presenceB.list("chat:tea")).containsExactly(new PresenceEntry("tab-1", Map.of("name", "ada")),
                    new PresenceEntry("tab-2", Map.of("name", "bob")));
            await(() -> diffsOnB.size() == 2, "both joins");
            assertThat(diffsOnB).contains(new PresenceDiff(List.of(new PresenceEntry("tab-1", Map.of("name", "ada"))),
                    List.of()));

            presenceA.untrack("chat:tea", "tab-1");
            assertThat(presenceB.list("chat:tea")).containsExactly(new PresenceEntry("tab-2", Map.of("name", "bob")));
            await(() -> diffsOnB.size() == 3, "the leave");
            assertThat(diffsOnB.get(2)).isEqualTo(new PresenceDiff(List.of(),
                    List.of(new PresenceEntry("tab-1", Map.of("name", "ada")))));
        } finally {
            presenceA.stop();
            presenceB.stop();
        }
    }

    @Test
    void stateWrittenOnOneMemberIsReadOnTheOtherUntilItsTtl() {
        ClusterStateStore storeA = new ClusterStateStore(cluster.get(0));
        ClusterStateStore storeB = new ClusterStateStore(cluster.get(1));
        storeA.put("tab-s", new byte[] {1, 2, 3}, Duration.ofMinutes(5));
        await(() -> storeB.get("tab-s").isPresent(), "the state on the other member");
        assertThat(storeB.get("tab-s")).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
        storeB.remove("tab-s");
        assertThat(storeA.get("tab-s")).isEmpty();

        storeA.put("tab-short", new byte[] {9}, Duration.ofSeconds(5)); // long enough to be seen on a busy machine
        await(() -> storeB.get("tab-short").isPresent(), "the short-lived state");
        await(() -> storeB.get("tab-short").isEmpty(), "the state to expire");
    }

    @Test
    void everyMemberHoldsTheSameSecret() {
        byte[] a = new SharedClusterSecret(cluster.get(0)).tokenKey();
        byte[] b = new SharedClusterSecret(cluster.get(1)).tokenKey();
        assertThat(a).hasSize(32).isEqualTo(b);
        assertThat(new SharedClusterSecret(cluster.get(0)).tokenKey()).isEqualTo(a);
    }

    @Test
    void aSessionSignedInOnOneMemberIsFoundOnTheOtherUntilIdle() {
        long idle = Duration.ofMinutes(10).toMillis();
        ClusterSessionStore storeA = new ClusterSessionStore(cluster.get(0), idle, Clock.systemUTC());
        ClusterSessionStore storeB = new ClusterSessionStore(cluster.get(1), idle, Clock.systemUTC());
        User ada = new User("ada", "Ada", java.util.Set.of("admin"));
        storeA.put(new WebSession("s-1", "csrf", ada, System.currentTimeMillis()));
        assertThat(storeB.find("s-1")).hasValueSatisfying(s -> {
            assertThat(s.user()).isEqualTo(ada);
            assertThat(s.csrfToken()).isEqualTo("csrf");
        });
        storeA.put(new WebSession("s-old", "csrf", null, System.currentTimeMillis() - idle - 1000));
        assertThat(storeB.find("s-old")).isEmpty();
        storeB.remove("s-1");
        assertThat(storeA.find("s-1")).isEmpty();
    }
}
