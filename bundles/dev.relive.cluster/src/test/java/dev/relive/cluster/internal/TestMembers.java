package dev.relive.cluster.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import com.hazelcast.core.HazelcastInstance;

/** Members of one cluster in this JVM, on free loopback ports, started with the bundle's own configuration. */
final class TestMembers implements AutoCloseable {

    static final Duration GRACE = Duration.ofSeconds(3);

    final List<HazelcastInstance> members = new ArrayList<>();

    /** Starts {@code count} members and returns once each sees all of them. */
    static TestMembers start(int count) {
        List<String> addresses = new ArrayList<>();
        List<Integer> ports = freePorts(count);
        ports.forEach(p -> addresses.add("127.0.0.1:" + p));
        String cluster = "relive-test-" + Long.toHexString(System.nanoTime());
        TestMembers started = new TestMembers();
        for (int port : ports) {
            MemberSettings settings = new MemberSettings(addresses, port, false, "127.0.0.1", cluster,
                    Duration.ofMinutes(5), GRACE, Duration.ofMinutes(30), 1000, "slf4j");
            started.members.add(settings.start(TestMembers.class.getClassLoader()));
        }
        await(() -> started.members.stream().allMatch(m -> m.getCluster().getMembers().size() == count),
                "the cluster to form");
        return started;
    }

    HazelcastInstance get(int i) {
        return members.get(i);
    }

    /** Polls {@code condition} every 20 ms for up to a minute (the machine may be slow; this bounds a failure). */
    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    private static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            List<Integer> ports = sockets.stream().map(ServerSocket::getLocalPort).toList();
            for (ServerSocket s : sockets) {
                s.close();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (HazelcastInstance m : members) {
            if (m.getLifecycleService().isRunning()) {
                m.getLifecycleService().terminate();
            }
        }
    }
}
