package dev.relive.launcher.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One tab of {@code /test/broadcast} over a real WebSocket: mounts, then records when each numbered message
 * ({@code pub-N-}) first reached it in a frame. It can also publish, through the view's {@code publish} handler.
 */
final class TopicClient implements WebSocket.Listener {

    static final String PATH = "test/broadcast?topic=bench";
    private static final Pattern MARK = Pattern.compile("pub-(\\d+)-");
    private static final Pattern TOKEN = Pattern.compile("rl-token=\"([^\"]+)\"");

    private final AtomicLongArray received;
    private final CountDownLatch mounted = new CountDownLatch(1);
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private long refs;

    private TopicClient(int marks) {
        this.received = new AtomicLongArray(marks);
    }

    /** The page token of {@link #PATH} at {@code baseUrl}; one token mounts any number of tabs. */
    static String token(HttpClient http, String baseUrl) throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(baseUrl + PATH)).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = TOKEN.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no token on " + baseUrl + PATH);
        }
        return m.group(1);
    }

    /** Opens a socket at {@code baseUrl} and mounts the page with {@code token}; returns once it is mounted. */
    static TopicClient open(HttpClient http, String baseUrl, String token, int marks) throws Exception {
        TopicClient c = new TopicClient(marks);
        c.socket = http.newWebSocketBuilder().buildAsync(URI.create(baseUrl.replaceFirst("^http", "ws")
                + "relive/socket"), c).get(30, TimeUnit.SECONDS);
        c.socket.sendText("{\"type\":\"mount\",\"protocol\":1,\"token\":\"" + token + "\",\"url\":\"" + baseUrl
                + PATH + "\"}", true).join();
        if (!c.mounted.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("not mounted within 60 s at " + baseUrl);
        }
        return c;
    }

    /** Publishes {@code pub-N-} on the topic through this tab's view. */
    synchronized void publish(int n) {
        socket.sendText("{\"type\":\"event\",\"ref\":" + (++refs) + ",\"handler\":\"publish\",\"params\":{\"text\":"
                + "\"pub-" + n + "-\"}}", true).join();
    }

    /** When message {@code n} first arrived ({@link System#nanoTime()}), or 0. */
    long received(int n) {
        return received.get(n);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long now = System.nanoTime();
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            if (text.contains("\"type\":\"mounted\"")) {
                mounted.countDown();
            }
            Matcher m = MARK.matcher(text);
            while (m.find()) {
                int n = Integer.parseInt(m.group(1));
                if (n < received.length()) {
                    received.compareAndSet(n, 0, now);
                }
            }
        }
        webSocket.request(1);
        return null;
    }

    void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            socket.abort();
        }
    }
}
