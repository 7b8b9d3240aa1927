package dev.relive.cluster.internal;

import static dev.relive.cluster.internal.TestMembers.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.hazelcast.core.HazelcastInstance;

import dev.relive.api.PresenceEntry;

/**
 * Members that started apart (each found nobody at first, as when two start at the same moment on a slow machine)
 * merge as soon as one of them sees the other, not after Hazelcast's default five minutes; and once merged, the
 * member that joined the others shares their token key, messages cross both ways, and its presence entries are
 * everyone's again, under the new id Hazelcast gives it (so they go when it dies).
 */
class SplitClustersMergeTest {

    @Test
    void aMemberThatStartedAloneMergesIntoTheClusterItFindsLaterAndSharesItsKeyMessagesAndPresence()
            throws IOException {
        int[] ports = freePorts(3);
        String cluster = "relive-split-" + Long.toHexString(System.nanoTime());
        List<HazelcastInstance> started = new ArrayList<>();
        try {
            // alone: the two others of its list are not up yet
            HazelcastInstance alone = member(cluster, ports[0], ports);
            started.add(alone);
            assertThat(alone.getCluster().getMembers()).hasSize(1);
            // these two know only each other, so they form a cluster of their own beside it
            int[] pair = {ports[1], ports[2]};
            started.add(member(cluster, ports[1], pair));
            started.add(member(cluster, ports[2], pair));
            HazelcastInstance other = started.get(1);
            await(() -> other.getCluster().getMembers().size() == 2, "the pair to form");
            assertThat(alone.getCluster().getMembers()).as("still apart").hasSize(1);

            SharedClusterSecret aloneKey = new SharedClusterSecret(alone);
            SharedClusterSecret otherKey = new SharedClusterSecret(other);
            assertThat(aloneKey.tokenKey()).as("apart, each cluster made a key").isNotEqualTo(otherKey.tokenKey());
            ClusterTopics aloneTopics = new ClusterTopics(alone);
            ClusterTopics otherTopics = new ClusterTopics(other);
            ClusterPresence alonePresence = new ClusterPresence(alone, aloneTopics);
            ClusterPresence otherPresence = new ClusterPresence(other, otherTopics);
            alonePresence.track("chat:tea", "tab-alone", Map.of("name", "ada"));
            otherPresence.track("chat:tea", "tab-other", Map.of("name", "bob"));
            List<Object> atAlone = new CopyOnWriteArrayList<>();
            List<Object> atOther = new CopyOnWriteArrayList<>();
            aloneTopics.subscribe("chat:tea", atAlone::add);
            otherTopics.subscribe("chat:tea", atOther::add);

            Object idBefore = alone.getCluster().getLocalMember().getUuid();
            long apart = System.nanoTime();
            await(() -> started.stream().allMatch(m -> m.getLifecycleService().isRunning()
                    && m.getCluster().getMembers().size() == 3), "the lone member to merge into the pair");
            System.out.println("split clusters merged " + (System.nanoTime() - apart) / 1_000_000
                    + " ms after both stood (merge check every " + MemberSettings.MERGE_CHECK.toSeconds() + " s)");
            assertThat(alone.getCluster().getLocalMember().getUuid()).as("a new id").isNotEqualTo(idBefore);

            await(() -> java.util.Arrays.equals(aloneKey.tokenKey(), otherKey.tokenKey()), "the keys to agree");
            await(() -> keys(alonePresence.list("chat:tea")).equals(List.of("tab-other", "tab-alone"))
                    && keys(otherPresence.list("chat:tea")).equals(List.of("tab-other", "tab-alone")),
                    "both entries present on both sides");
            await(() -> atOther.stream().anyMatch(m -> m.toString().contains("tab-alone")),
                    "the other side's subscriber to hear of the lone member's entry");
            await(() -> atAlone.stream().anyMatch(m -> m.toString().contains("tab-other")),
                    "the lone member's subscriber to hear of the other side's entry");

            aloneTopics.publish("chat:tea", "from the member that merged");
            otherTopics.publish("chat:tea", "from the pair");
            await(() -> atOther.contains("from the member that merged"), "a message to cross to the pair");
            await(() -> atAlone.contains("from the pair"), "a message to cross to the member that merged");

            // (each stop waits for the partitions to settle: a member stopped mid-migration fills the log)
            await(() -> other.getPartitionService().isClusterSafe(), "the partitions to settle after the merge");
            alone.getLifecycleService().terminate();
            await(() -> keys(otherPresence.list("chat:tea")).equals(List.of("tab-other")),
                    "the merged member's entry to go when it dies");
            await(() -> other.getPartitionService().isClusterSafe(), "the partitions to settle after the death");
        } finally {
            for (HazelcastInstance m : started) {
                if (m.getLifecycleService().isRunning()) {
                    m.getLifecycleService().terminate();
                }
            }
        }
    }

    private static List<String> keys(List<PresenceEntry> entries) {
        return entries.stream().map(PresenceEntry::key).toList();
    }

    private static HazelcastInstance member(String cluster, int port, int[] list) {
        List<String> members = new ArrayList<>();
        for (int p : list) {
            members.add("127.0.0.1:" + p);
        }
        return new MemberSettings(members, port, false, "127.0.0.1", cluster, Duration.ofMinutes(5),
                TestMembers.GRACE, Duration.ofMinutes(30), 1000, "slf4j").start(SplitClustersMergeTest.class
                        .getClassLoader());
    }

    private static int[] freePorts(int count) throws IOException {
        int[] ports = new int[count];
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(s);
                ports[i] = s.getLocalPort();
            }
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
        return ports;
    }
}
