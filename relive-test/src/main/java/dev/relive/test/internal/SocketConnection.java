package dev.relive.test.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One WebSocket to {@code /relive/socket}, the JDK's client: frames out as JSON, frames in queued in order. */
public final class SocketConnection implements WebSocket.Listener, AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<JsonNode> incoming = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final AtomicLong refs = new AtomicLong();
    private volatile int closeStatus = -1;
    private WebSocket socket;

    private SocketConnection() {
    }

    /** Opens the socket; a non-empty {@code cookie} goes in the upgrade request's {@code Cookie} header. */
    public static SocketConnection open(HttpClient http, URI baseUrl, String cookie) throws Exception {
        SocketConnection connection = new SocketConnection();
        URI uri = URI.create(baseUrl.toString().replaceFirst("^http", "ws") + "relive/socket");
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (!cookie.isEmpty()) {
            builder.header("Cookie", cookie);
        }
        connection.socket = builder.buildAsync(uri, connection).get(20, TimeUnit.SECONDS);
        return connection;
    }

    /** Sends {@code frame} with the next {@code ref}; returns the ref. */
    public long send(ObjectNode frame) {
        long ref = refs.incrementAndGet();
        frame.put("ref", ref);
        sendText(frame.toString());
        return ref;
    }

    public void sendText(String text) {
        socket.sendText(text, true).join();
    }

    /** The next frame, or {@code null} after {@code timeout}. */
    public JsonNode poll(Duration timeout) throws InterruptedException {
        return incoming.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The next frame if one has arrived. */
    public JsonNode pollNow() {
        return incoming.poll();
    }

    public int closeStatus() {
        return closeStatus;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                incoming.add(JSON.readTree(partial.toString()));
            } catch (Exception e) {
                incoming.add(JSON.createObjectNode().put("type", "unparseable").put("text", partial.toString()));
            }
            partial.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closeStatus = statusCode;
        incoming.add(JSON.createObjectNode().put("type", "closed").put("status", statusCode));
        return null;
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            socket.abort();
        }
    }
}
