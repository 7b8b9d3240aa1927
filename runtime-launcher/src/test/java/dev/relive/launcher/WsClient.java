package dev.relive.launcher;

import java.net.URI;
import java.nio.ByteBuffer;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A real WebSocket client over loopback (the JDK's), collecting the server's frames as JSON. Like the browser's client
 * it keeps its socket busy with a ping every 10 s, so that the server's idle timeout does not close it while a test
 * waits (for a build, a swap or a warm-up on a loaded machine).
 */
public final class WsClient implements WebSocket.Listener, AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient PAGES = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** How long {@link #next(Predicate)} waits for a frame: an answer, on a machine that may be busy. */
    public static final Duration ANSWER = Duration.ofSeconds(30);

    private static final ScheduledExecutorService PINGS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ws-keep-alive");
        t.setDaemon(true);
        return t;
    });

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final Map<JsonNode, Long> receivedNanos = Collections.synchronizedMap(new IdentityHashMap<>());
    private final StringBuilder partial = new StringBuilder();
    private final AtomicLong refs = new AtomicLong();
    private final AtomicLong receivedChars = new AtomicLong();
    private volatile int closeStatus = -1;
    private volatile boolean stalled;
    private WebSocket socket;
    private ScheduledFuture<?> pings;

    public static WsClient connect(String baseUrl) throws Exception {
        return connect(baseUrl, null);
    }

    public static WsClient connect(String baseUrl, String origin) throws Exception {
        return connect(baseUrl, origin, false);
    }

    /** A client that stops reading after its first frame when {@code stall} is set: a slow client. */
    public static WsClient connect(String baseUrl, String origin, boolean stall) throws Exception {
        return connect(baseUrl, origin, stall, null);
    }

    /** A client whose upgrade request carries {@code cookie} ({@code name=value}; {@code null}: none). */
    public static WsClient connectWithCookie(String baseUrl, String cookie) throws Exception {
        return connect(baseUrl, null, false, cookie);
    }

    private static WsClient connect(String baseUrl, String origin, boolean stall, String cookie) throws Exception {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (origin != null) {
            headers.put("Origin", origin);
        }
        if (cookie != null) {
            headers.put("Cookie", cookie);
        }
        return connect(baseUrl, headers, stall);
    }

    /** A client whose upgrade request carries {@code headers} (e.g. {@code X-Forwarded-For} towards a proxy). */
    public static WsClient connectWithHeaders(String baseUrl, Map<String, String> headers) throws Exception {
        return connect(baseUrl, headers, false);
    }

    private static WsClient connect(String baseUrl, Map<String, String> headers, boolean stall) throws Exception {
        WsClient client = new WsClient();
        client.stalled = stall;
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(b::header);
        client.socket = b.buildAsync(URI.create(baseUrl.replaceFirst("^http", "ws") + "relive/socket"), client)
                .get(30, TimeUnit.SECONDS);
        return client.keepAlive();
    }

    /** Sends a {@code mount} frame for the page at {@code path} with {@code token}; returns at once. */
    public void mountWith(LauncherProcess relive, String path, String token) {
        sendRaw("{\"type\":\"mount\",\"protocol\":1,\"token\":\"" + token + "\",\"url\":\""
                + relive.baseUrl() + path.substring(1) + "\"}");
    }

    /** Mounts the page at {@code path}: fetches it for its token, sends {@code mount}, waits for {@code mounted}. */
    public JsonNode mount(LauncherProcess relive, String path) throws Exception {
        return mount(relive.baseUrl(), path);
    }

    /** {@link #mount(LauncherProcess, String)} for a page served at {@code baseUrl} (a runtime, or a proxy). */
    public JsonNode mount(String baseUrl, String path) throws Exception {
        String page = PAGES.send(java.net.http.HttpRequest.newBuilder(URI.create(baseUrl
                + path.substring(1))).timeout(Duration.ofSeconds(10)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        var m = java.util.regex.Pattern.compile("rl-token=\"([^\"]+)\"").matcher(page);
        if (!m.find()) {
            throw new AssertionError("no token in page " + path + ":\n" + page);
        }
        sendRaw("{\"type\":\"mount\",\"protocol\":1,\"token\":\"" + m.group(1) + "\",\"url\":\""
                + baseUrl + path.substring(1) + "\"}");
        return next(f -> "mounted".equals(f.path("type").asText()));
    }

    public long event(String handler, Object params) {
        return event(handler, params, null);
    }

    public long event(String handler, Object params, String child) {
        long ref = refs.incrementAndGet();
        ObjectNode f = JSON.createObjectNode().put("type", "event").put("ref", ref).put("handler", handler);
        f.set("params", JSON.valueToTree(params == null ? java.util.Map.of() : params));
        if (child != null) {
            f.put("child", child);
        }
        sendRaw(f.toString());
        return ref;
    }

    public long send(ObjectNode frame) {
        long ref = refs.incrementAndGet();
        frame.put("ref", ref);
        sendRaw(frame.toString());
        return ref;
    }

    public long nextRef() {
        return refs.incrementAndGet();
    }

    public void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    public void sendBinary(byte[] data) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(data), true).join();
    }

    /** Sends a WebSocket ping every 10 s until the socket closes (every client does from its connect on). */
    public synchronized WsClient keepAlive() {
        if (pings == null) {
            pings = PINGS.scheduleWithFixedDelay(() -> {
                try {
                    if (!socket.isOutputClosed()) {
                        socket.sendPing(ByteBuffer.allocate(0));
                    }
                } catch (RuntimeException e) {
                    // the previous ping is still being sent, or the socket is closing: the next try comes
                }
            }, 10, 10, TimeUnit.SECONDS);
        }
        return this;
    }

    /** The next frame matching {@code test}; frames before it are skipped (and kept in {@link #seen()}). */
    public JsonNode next(Predicate<JsonNode> test) throws InterruptedException {
        return next(test, ANSWER);
    }

    public JsonNode next(Predicate<JsonNode> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode f = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
            if (f == null) {
                throw new AssertionError("no matching frame within " + timeout + "; seen: " + seen);
            }
            seen.add(f);
            if (test.test(f)) {
                return f;
            }
        }
    }

    /** The answer to {@code ref}. */
    public JsonNode answer(long ref) throws InterruptedException {
        return next(f -> f.path("ref").asLong(-1) == ref);
    }

    public JsonNode poll(Duration timeout) throws InterruptedException {
        JsonNode f = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (f != null) {
            seen.add(f);
        }
        return f;
    }

    /** When {@code frame} arrived ({@link System#nanoTime()}), however late the test took it from the queue. */
    public long receivedNanos(JsonNode frame) {
        return receivedNanos.get(frame);
    }

    /** Characters of text frames received so far (the frames are ASCII JSON: bytes). */
    public long receivedChars() {
        return receivedChars.get();
    }

    public List<JsonNode> seen() {
        return seen;
    }

    public int closeStatus() {
        return closeStatus;
    }

    public boolean isOpen() {
        return !socket.isInputClosed() && closeStatus < 0;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        receivedChars.addAndGet(data.length());
        if (last) {
            JsonNode frame;
            try {
                frame = JSON.readTree(partial.toString());
            } catch (Exception e) {
                frame = JSON.createObjectNode().put("type", "unparseable").put("text", partial.toString());
            }
            receivedNanos.put(frame, System.nanoTime());
            frames.add(frame);
            partial.setLength(0);
        }
        if (!stalled || !last) {
            ws.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closeStatus = statusCode;
        return null;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (pings != null) {
                pings.cancel(false);
            }
        }
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            socket.abort();
        }
    }
}
