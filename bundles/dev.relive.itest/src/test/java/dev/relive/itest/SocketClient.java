package dev.relive.itest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A real WebSocket to the runtime over loopback (the JDK's client); the server's frames arrive as JSON. */
final class SocketClient implements WebSocket.Listener, AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final List<JsonNode> skipped = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private SocketClient() {
    }

    static SocketClient connect(URI uri) throws Exception {
        SocketClient client = new SocketClient();
        client.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                .buildAsync(uri, client).get(30, TimeUnit.SECONDS);
        return client;
    }

    void send(Object frame) throws Exception {
        send(JSON.writeValueAsString(frame));
    }

    void send(String text) throws Exception {
        socket.sendText(text, true).get(30, TimeUnit.SECONDS);
    }

    /** The next frame of {@code type}; frames of other types before it are set aside. */
    JsonNode next(String type) throws InterruptedException {
        return next(f -> type.equals(f.path("type").asText()), "a '" + type + "' frame");
    }

    JsonNode next(Predicate<JsonNode> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Eventually.TIMEOUT.toNanos();
        while (true) {
            JsonNode frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new AssertionError("no " + what + " within " + Eventually.TIMEOUT.toSeconds()
                        + " s; frames seen meanwhile: " + skipped);
            }
            if (wanted.test(frame)) {
                return frame;
            }
            skipped.add(frame);
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                frames.add(JSON.readTree(partial.toString()));
            } catch (JsonProcessingException e) {
                frames.add(JSON.createObjectNode().put("type", "unreadable").put("text", partial.toString()));
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    /** Drops the connection without a close frame, as a network failure or a dying member would. */
    void abort() {
        socket.abort();
    }

    @Override
    public void close() throws Exception {
        if (!socket.isOutputClosed() && !socket.isInputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "test done").get(30, TimeUnit.SECONDS);
        }
    }
}
