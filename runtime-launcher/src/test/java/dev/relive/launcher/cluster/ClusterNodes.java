package dev.relive.launcher.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.relive.launcher.LauncherProcess;

/**
 * N production runtimes on loopback forming one cluster: each a {@code java -jar relive.jar} process with its own HTTP
 * port and working folder, all watching the same {@code deploy/} folder, started with {@code --cluster} and the member
 * list of all. A node can be killed as {@code kill -9} would (the JVM itself, no shutdown hook runs).
 */
public final class ClusterNodes implements AutoCloseable {

    private static final Pattern MEMBERS = Pattern.compile("Cluster: (\\d+) members");
    private static final Pattern SESSIONS = Pattern.compile("sessions=(\\d+)");

    private final List<LauncherProcess> nodes;
    private final List<String> members;

    private ClusterNodes(List<LauncherProcess> nodes, List<String> members) {
        this.nodes = nodes;
        this.members = members;
    }

    /**
     * Starts {@code count} nodes in folders {@code root/node-1 ...}, all deploying from {@code deploy}, and waits until
     * each of them sees the whole cluster.
     */
    public static ClusterNodes start(int count, Path root, Path deploy, Duration timeout) throws Exception {
        List<Integer> ports = new ArrayList<>();
        while (ports.size() < count) {
            int port = Nginx.freePort();
            if (!ports.contains(port)) {
                ports.add(port);
            }
        }
        List<String> members = ports.stream().map(p -> "127.0.0.1:" + p).toList();
        List<CompletableFuture<LauncherProcess>> starting = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path dir = Files.createDirectories(root.resolve("node-" + (i + 1)));
            String[] args = memberArgs(members, ports.get(i));
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return LauncherProcess.start(dir, deploy, args);
                } catch (Exception e) {
                    throw new IllegalStateException("node in " + dir + " did not start: " + e.getMessage(), e);
                }
            }));
        }
        List<LauncherProcess> nodes = new ArrayList<>();
        Throwable failure = null;
        for (CompletableFuture<LauncherProcess> f : starting) {
            try {
                nodes.add(f.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            }
        }
        ClusterNodes cluster = new ClusterNodes(nodes, members);
        if (failure != null) {
            cluster.close();
            throw new AssertionError(failure.getMessage(), failure);
        }
        try {
            cluster.awaitMembers(count, timeout);
        } catch (AssertionError | InterruptedException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** The launcher's options that make a node the member on {@code port} of the cluster {@code members}. */
    static String[] memberArgs(List<String> members, int port) {
        return new String[] {"--cluster", String.join(",", members), "--cluster-port", Integer.toString(port)};
    }

    /** Waits until every live node has logged that the cluster has {@code count} members. */
    public void awaitMembers(int count, Duration timeout) throws InterruptedException {
        for (LauncherProcess node : live()) {
            node.waitForLog(l -> {
                Matcher m = MEMBERS.matcher(l);
                return m.find() && Integer.parseInt(m.group(1)) == count;
            }, timeout);
        }
    }

    public List<LauncherProcess> nodes() {
        return List.copyOf(nodes);
    }

    public LauncherProcess node(int index) {
        return nodes.get(index);
    }

    public int size() {
        return nodes.size();
    }

    /** The nodes whose process still runs. */
    public List<LauncherProcess> live() {
        return nodes.stream().filter(n -> n.process().isAlive()).toList();
    }

    /** The Hazelcast member addresses, {@code 127.0.0.1:port} each. */
    public List<String> members() {
        return members;
    }

    /** The nodes' HTTP addresses, {@code 127.0.0.1:port} each: nginx's upstreams. */
    public List<String> httpAddresses() {
        return nodes.stream().map(n -> "127.0.0.1:" + n.port()).collect(Collectors.toList());
    }

    /** The index of the node serving HTTP on {@code address} ({@code 127.0.0.1:port}, as nginx names upstreams). */
    public int indexOf(String address) {
        return httpAddresses().indexOf(address);
    }

    /** The open WebSocket sessions of node {@code index}, from its {@code relive:stats}. */
    public int sessions(int index) throws Exception {
        String line = nodes.get(index).commandUntil("relive:stats", l -> SESSIONS.matcher(l).find(),
                Duration.ofSeconds(30));
        Matcher m = SESSIONS.matcher(line);
        m.find();
        return Integer.parseInt(m.group(1));
    }

    /** Kills node {@code index} as {@code kill -9} does: its JVM ends at once, without a shutdown hook. */
    public void kill(int index) throws InterruptedException {
        Process p = nodes.get(index).process();
        p.destroyForcibly();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("node " + (index + 1) + " (pid " + p.pid() + ") did not die");
        }
    }

    /** Every node's output, for failure reports. */
    public String logs() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            LauncherProcess n = nodes.get(i);
            out.append("=== node ").append(i + 1).append(" (").append(n.baseUrl()).append(")\n--- stdout\n")
                    .append(tail(n.stdout())).append("\n--- stderr\n").append(tail(n.stderr())).append('\n');
        }
        return out.toString();
    }

    private static String tail(String text) {
        return text.length() > 20_000 ? "..." + text.substring(text.length() - 20_000) : text;
    }

    @Override
    public void close() throws Exception {
        for (LauncherProcess node : nodes) {
            node.close();
        }
    }
}
