package dev.relive.launcher.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.relive.launcher.cluster.ClusterNodes;
import dev.relive.launcher.cluster.Nginx;

/**
 * The failover of tabs whose node dies: K tabs of {@code /test/echo} on the second node, each with its own count,
 * then a {@code kill -9} of that node; each tab opens a new socket through nginx at once (a browser waits its backoff
 * first, 0.5 s at most for the first retry) and mounts with the resume key its first {@code mounted} frame gave it,
 * until a {@code mounted} frame shows its count again. Prints the time from the kill to that frame: p50 and max
 * over the tabs, and how many came back with their count.
 */
final class Failover {

    private static final String PATH = "test/echo";
    private static final Pattern TOKEN = Pattern.compile("rl-token=\"([^\"]+)\"");
    private static final Pattern RESUME = Pattern.compile("\"resume\":\"([A-Za-z0-9_-]+)\"");
    private static final Pattern COUNT = Pattern.compile("<p id=\\\\\"count\\\\\">(\\d+)</p>");

    private final ClusterNodes cluster;
    private final Nginx nginx;
    private final HttpClient http;

    Failover(ClusterNodes cluster, Nginx nginx, HttpClient http) {
        this.cluster = cluster;
        this.nginx = nginx;
        this.http = http;
    }

    /**
     * {@code settle}: the wait between the tabs' last events and the kill, so that their writes behind are in the store
     * (after a broadcast to many tabs the writer has their states to write first).
     */
    void run(int tabs, Duration settle) throws Exception {
        int victim = cluster.size() - 1;
        long quiet = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (cluster.sessions(0) + cluster.sessions(victim) > 0 && System.nanoTime() < quiet) {
            Thread.sleep(200); // the tabs of earlier measures are gone
        }
        String base = cluster.node(victim).baseUrl();
        String url = nginx.baseUrl() + PATH;
        String page = http.send(HttpRequest.newBuilder(URI.create(base + PATH)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher t = TOKEN.matcher(page);
        t.find();
        String token = t.group(1);
        List<Frames> sockets = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < tabs; i++) {
            Frames f = Frames.open(http, base);
            f.send("{\"type\":\"mount\",\"protocol\":1,\"token\":\"" + token + "\",\"url\":\"" + url + "\"}");
            Matcher k = RESUME.matcher(f.await("\"mounted\"", Duration.ofSeconds(30)));
            if (!k.find()) {
                System.out.println("failover: the runtime gave no resume key; no cluster state store?");
                return;
            }
            keys.add(k.group(1));
            f.send("{\"type\":\"event\",\"ref\":1,\"handler\":\"add\",\"params\":{\"amount\":" + (i + 10) + "}}");
            f.await("\"ref\":1", Duration.ofSeconds(30));
            sockets.add(f);
        }
        Thread.sleep(settle.toMillis());
        long killed = System.nanoTime();
        cluster.kill(victim);
        List<CompletableFuture<Long>> back = new ArrayList<>();
        for (int i = 0; i < tabs; i++) {
            int expected = i + 10;
            String key = keys.get(i);
            back.add(CompletableFuture.supplyAsync(() -> resume(token, url, key, expected, killed)));
        }
        Stats took = new Stats();
        int restored = 0;
        for (CompletableFuture<Long> f : back) {
            long micros = f.get(120, TimeUnit.SECONDS);
            if (micros >= 0) {
                took.add(micros);
                restored++;
            }
        }
        System.out.printf("failover: kill -9 of node %d under %d tabs -> each tab's count back through nginx on the"
                + " survivor: p50 %s, max %s; %d/%d tabs resumed with their count%n", victim + 1, tabs,
                Stats.ms(took.percentile(50)), Stats.ms(took.percentile(100)), restored, tabs);
        sockets.forEach(Frames::abort);
        if (restored < tabs) {
            for (int n = 0; n < cluster.size(); n++) {
                for (String line : cluster.node(n).stderr().lines().filter(l -> l.contains("Cluster state"))
                        .limit(20).toList()) {
                    System.out.println("  node " + (n + 1) + ": " + line);
                }
            }
        }
    }

    /** Reconnects through nginx until mounted; the micros from the kill when the count is back, else -1. */
    private long resume(String token, String url, String key, int expected, long killed) {
        long deadline = killed + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Frames f = Frames.open(http, nginx.baseUrl());
                f.send("{\"type\":\"mount\",\"protocol\":1,\"token\":\"" + token + "\",\"url\":\"" + url
                        + "\",\"resume\":\"" + key + "\"}");
                String mounted = f.await("\"mounted\"", Duration.ofSeconds(30));
                long at = System.nanoTime();
                f.abort();
                Matcher c = COUNT.matcher(mounted);
                int count = c.find() ? Integer.parseInt(c.group(1)) : -1;
                if (count != expected) {
                    System.out.printf("failover: a tab came back with count %d instead of %d%n", count, expected);
                    return -1;
                }
                return (at - killed) / 1000;
            } catch (Exception e) {
                if (System.nanoTime() >= deadline) {
                    System.out.printf("failover: a tab did not come back: %s%n", e);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException i) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
        }
        return -1;
    }

    /** A bare socket that queues every text frame. */
    private static final class Frames implements WebSocket.Listener {
        private final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Frames open(HttpClient http, String base) throws Exception {
            Frames f = new Frames();
            f.socket = http.newWebSocketBuilder().buildAsync(URI.create(base.replaceFirst("^http", "ws")
                    + "relive/socket"), f).get(10, TimeUnit.SECONDS);
            return f;
        }

        void send(String text) {
            socket.sendText(text, true).join();
        }

        String await(String contains, Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                String frame = frames.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (frame == null) {
                    throw new IllegalStateException("no frame with " + contains + " within " + timeout);
                }
                if (frame.contains(contains)) {
                    return frame;
                }
            }
        }

        void abort() {
            socket.abort();
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
