package dev.relive.launcher.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.relive.launcher.LauncherProcess;
import dev.relive.launcher.TestFolders;
import dev.relive.launcher.cluster.ClusterNodes;
import dev.relive.launcher.cluster.Nginx;

/**
 * Two clustered production runtimes on loopback, nginx in front: N subscribers of one topic on {@code /test/broadcast},
 * split evenly over the nodes (each connected straight to its node, or with {@code --via-nginx} through the proxy,
 * where round robin splits them); one publisher on the first node publishes a numbered message, and the time from
 * the publish to the patch reaching the last subscriber is taken, P times: p50/p99/max. Also the heap per mounted
 * session with the cluster on (both nodes' heap growth over all sessions, state backups included) and of a single
 * runtime without it (same view, half the count). Last the failover: the second node killed ({@code kill -9}) under
 * tabs that each held a count ({@code --settle-seconds} after their last event, 3), and the time until each tab has
 * its count back through nginx ({@link Failover}). Only prints; exits by itself.
 *
 * <pre>
 * mvn -B -q install -DskipTests
 * mvn -B -q -pl runtime-launcher exec:exec@cluster -Dbench.args="--subscribers 1000 --publishes 20 --failovers 5"
 * </pre>
 */
public final class ClusterBenchmark {

    private static final Duration START = Duration.ofSeconds(180);
    private static final Pattern HEAP = Pattern.compile("heapUsedBytes=(\\d+)");

    public static void main(String[] args) throws Exception {
        int subscribers = 1000;
        int publishes = 20;
        boolean viaNginx = false;
        int failovers = 5;
        int settle = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--subscribers" -> subscribers = Integer.parseInt(args[++i]);
                case "--publishes" -> publishes = Integer.parseInt(args[++i]);
                case "--via-nginx" -> viaNginx = true;
                case "--failovers" -> failovers = Integer.parseInt(args[++i]);
                case "--settle-seconds" -> settle = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf("Relive cluster benchmark: 2 nodes, %d subscribers %s, %d publishes, %d failover tabs%n",
                subscribers, viaNginx ? "through nginx" : "straight to their nodes", publishes, failovers);
        Path root = Files.createTempDirectory("relive-cluster-bench");
        try {
            Path deploy = deployFolder(root);
            HttpClient http = HttpClient.newHttpClient();
            long singleHeap = singleNodeHeap(root, deploy, http, subscribers / 2);
            try (ClusterNodes cluster = ClusterNodes.start(2, root, deploy, START);
                    Nginx nginx = Nginx.start(cluster.httpAddresses())) {
                for (LauncherProcess node : cluster.nodes()) {
                    node.commandUntil("lb", l -> l.contains("Relive test views") && l.contains("Active"), START);
                }
                broadcast(cluster, nginx, http, subscribers, publishes, viaNginx, singleHeap);
                new Failover(cluster, nginx, http).run(failovers, Duration.ofSeconds(settle));
            }
        } finally {
            TestFolders.deleteTree(root);
        }
        System.exit(0);
    }

    private static Path deployFolder(Path root) throws Exception {
        Path deploy = Files.createDirectories(root.resolve("deploy"));
        Path thirdParty = LauncherProcess.thirdParty();
        Files.copy(thirdParty.resolve("dev.relive.testlib.jar"), deploy.resolve("testlib.jar"));
        Files.copy(thirdParty.resolve("dev.relive.testviews.jar"), deploy.resolve("testviews.jar"));
        // every simulated user connects from 127.0.0.1, straight or through nginx
        Files.writeString(deploy.resolve("dev.relive.runtime.cfg"), "max_sessions_per_address=20000\n"
                + "trusted_proxies=127.0.0.1\n");
        return deploy;
    }

    /** Heap per mounted {@code /test/broadcast} session of one runtime without the cluster, in bytes. */
    private static long singleNodeHeap(Path root, Path deploy, HttpClient http, int n) throws Exception {
        Path dir = Files.createDirectories(root.resolve("single"));
        try (LauncherProcess single = LauncherProcess.start(dir, deploy)) {
            single.commandUntil("lb", l -> l.contains("Relive test views") && l.contains("Active"), START);
            long before = heap(single);
            String token = TopicClient.token(http, single.baseUrl());
            List<TopicClient> tabs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                tabs.add(TopicClient.open(http, single.baseUrl(), token, 1));
            }
            long perSession = (heap(single) - before) / n;
            tabs.forEach(TopicClient::close);
            return perSession;
        }
    }

    private static void broadcast(ClusterNodes cluster, Nginx nginx, HttpClient http, int n, int publishes,
            boolean viaNginx, long singleHeap) throws Exception {
        long[] heapBefore = {heap(cluster.node(0)), heap(cluster.node(1))};
        List<TopicClient> subscribers = new ArrayList<>();
        String[] tokens = {TopicClient.token(http, cluster.node(0).baseUrl()),
                TopicClient.token(http, cluster.node(1).baseUrl())};
        String nginxToken = TopicClient.token(http, nginx.baseUrl());
        for (int i = 0; i < n; i++) {
            subscribers.add(viaNginx ? TopicClient.open(http, nginx.baseUrl(), nginxToken, publishes)
                    : TopicClient.open(http, cluster.node(i % 2).baseUrl(), tokens[i % 2], publishes));
        }
        int[] split = {cluster.sessions(0), cluster.sessions(1)};
        long clusterHeap = (heap(cluster.node(0)) - heapBefore[0] + heap(cluster.node(1)) - heapBefore[1]) / n;
        System.out.printf("subscribers mounted: node 1 %d, node 2 %d%n", split[0], split[1]);
        System.out.printf("heap per mounted session (/test/broadcast, one topic): cluster on %.1f KiB (both nodes'"
                + " heap over %d sessions), cluster off %.1f KiB (one runtime, %d sessions)%n", clusterHeap / 1024.0, n,
                singleHeap / 1024.0, n / 2);

        TopicClient publisher = TopicClient.open(http, cluster.node(0).baseUrl(), tokens[0], publishes);
        Stats last = new Stats();
        Stats first = new Stats();
        for (int p = 0; p < publishes; p++) {
            long t0 = System.nanoTime();
            publisher.publish(p);
            long deadline = t0 + Duration.ofSeconds(60).toNanos();
            int missing = n;
            while (missing > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
                missing = 0;
                for (TopicClient s : subscribers) {
                    missing += s.received(p) == 0 ? 1 : 0;
                }
            }
            long lastAt = 0;
            long firstAt = Long.MAX_VALUE;
            for (TopicClient s : subscribers) {
                lastAt = Math.max(lastAt, s.received(p));
                firstAt = Math.min(firstAt, s.received(p) == 0 ? Long.MAX_VALUE : s.received(p));
            }
            if (missing > 0) {
                System.out.printf("publish %d: %d subscribers had no patch after 60 s%n", p, missing);
                continue;
            }
            last.add((lastAt - t0) / 1000);
            first.add((firstAt - t0) / 1000);
            Thread.sleep(200);
        }
        System.out.printf("broadcast to %d subscribers on 2 nodes, publish -> last subscriber's patch: p50 %s, p99 %s,"
                + " max %s (first subscriber's patch: p50 %s) over %d publishes%n", n, Stats.ms(last.percentile(50)),
                Stats.ms(last.percentile(99)), Stats.ms(last.percentile(100)), Stats.ms(first.percentile(50)),
                last.count());
        publisher.close();
        subscribers.forEach(TopicClient::close);
    }

    static long heap(LauncherProcess node) throws Exception {
        String line = node.run("relive:stats gc", l -> l.startsWith("sessions="), Duration.ofSeconds(60));
        Matcher m = HEAP.matcher(line);
        m.find();
        return Long.parseLong(m.group(1));
    }
}
