package dev.relive.cluster.internal;

import static dev.relive.cluster.internal.TestMembers.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.hazelcast.core.HazelcastInstance;

/**
 * Members that started apart (each found nobody at first, as when two start at the same moment on a slow machine)
 * merge as soon as one of them sees the other, not after Hazelcast's default five minutes.
 */
class SplitClustersMergeTest {

    @Test
    void aMemberThatStartedAloneMergesIntoTheClusterItFindsLater() throws IOException {
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
            await(() -> started.get(1).getCluster().getMembers().size() == 2, "the pair to form");
            assertThat(alone.getCluster().getMembers()).as("still apart").hasSize(1);

            long apart = System.nanoTime();
            await(() -> started.stream().allMatch(m -> m.getLifecycleService().isRunning()
                    && m.getCluster().getMembers().size() == 3), "the lone member to merge into the pair");
            System.out.println("split clusters merged " + (System.nanoTime() - apart) / 1_000_000
                    + " ms after both stood (merge check every " + MemberSettings.MERGE_CHECK.toSeconds() + " s)");
        } finally {
            for (HazelcastInstance m : started) {
                if (m.getLifecycleService().isRunning()) {
                    m.getLifecycleService().terminate();
                }
            }
        }
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
