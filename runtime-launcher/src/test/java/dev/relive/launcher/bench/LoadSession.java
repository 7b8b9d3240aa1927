package dev.relive.launcher.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.relive.launcher.LauncherProcess;

/** One benchmark session: sends events, matches answers by ref, records round trips. */
final class LoadSession {

    private static final Pattern COUNT = Pattern.compile("<p id=\\\\?\"count\\\\?\">(\\d+)</p>");

    final Map<Long, Long> pending = new ConcurrentHashMap<>();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong answered = new AtomicLong();
    final AtomicLong doubled = new AtomicLong();
    final AtomicLong refs = new AtomicLong();
    final CountDownLatch mounted = new CountDownLatch(1);
    final Stats rtt;
    /** Each answered event: when it was sent and when its answer came, in {@link System#nanoTime()} terms. */
    final List<long[]> events = new ArrayList<>();
    volatile SwapTimeline timeline;
    volatile String lastHtml;
    volatile long renderRef = -1;
    volatile int lastFrameBytes;
    PlainWebSocket socket;

    LoadSession(Stats rtt) {
        this.rtt = rtt;
    }

    static LoadSession open(LauncherProcess relive, String path, String token) throws Exception {
        return open(relive, path, token, new Stats());
    }

    static LoadSession open(LauncherProcess relive, String path, String token, Stats rtt) throws Exception {
        LoadSession s = new LoadSession(rtt);
        String t = token != null ? token : LoadBenchmark.token(relive, path);
        s.socket = PlainWebSocket.connect(URI.create(relive.baseUrl().replace("http", "ws") + "relive/socket"),
                s::onText);
        s.socket.sendText("{\"type\":\"mount\",\"protocol\":1,\"token\":\"" + t + "\",\"url\":\""
                + relive.baseUrl() + path.substring(1) + "\"}");
        s.awaitMounted(Duration.ofSeconds(30));
        return s;
    }

    void awaitMounted(Duration timeout) throws InterruptedException {
        if (!mounted.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("not mounted");
        }
    }

    synchronized void send(String handler) {
        long ref = refs.incrementAndGet();
        pending.put(ref, System.nanoTime());
        sent.incrementAndGet();
        String params = "add".equals(handler) ? "{\"amount\":1}" : "{}";
        sendText("{\"type\":\"event\",\"ref\":" + ref + ",\"handler\":\"" + handler + "\",\"params\":"
                + params + "}");
    }

    void awaitAll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    int renderCount(Duration timeout) throws InterruptedException {
        long ref;
        synchronized (this) {
            ref = refs.incrementAndGet();
            renderRef = ref;
            sendText("{\"type\":\"render\",\"ref\":" + ref + "}");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lastHtml == null && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Matcher m = COUNT.matcher(lastHtml == null ? "" : lastHtml);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private void sendText(String text) {
        try {
            socket.sendText(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void onText(String frame) {
        lastFrameBytes = frame.length();
        long now = System.nanoTime();
        if (frame.startsWith("{\"type\":\"mounted\"")) {
            mounted.countDown();
            return;
        }
        SwapTimeline swaps = timeline;
        if (swaps != null && frame.startsWith("{\"type\":\"hvr-applied\"")) {
            swaps.applied(frame, now, events);
            return;
        }
        long ref = refOf(frame);
        if (ref == renderRef && frame.startsWith("{\"type\":\"render\"")) {
            lastHtml = frame;
        } else if (ref > 0) {
            Long sentAt = pending.remove(ref);
            if (sentAt == null) {
                doubled.incrementAndGet();
            } else {
                answered.incrementAndGet();
                rtt.add((now - sentAt) / 1000);
                synchronized (events) {
                    events.add(new long[] {sentAt, now});
                }
            }
        }
    }

    private static long refOf(String frame) {
        int i = frame.indexOf("\"ref\":");
        if (i < 0) {
            return -1;
        }
        int j = i + 6;
        int k = j;
        while (k < frame.length() && Character.isDigit(frame.charAt(k))) {
            k++;
        }
        return k > j ? Long.parseLong(frame.substring(j, k)) : -1;
    }

    void close() {
        socket.close();
    }
}
