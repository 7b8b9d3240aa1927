package dev.relive.test.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import org.jsoup.nodes.Document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A page's socket and what it shows: every frame read is applied to the {@link PageState} before anything else
 * happens, so waiting for one frame never skips the effect of another.
 */
public final class PageConnection implements AutoCloseable {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(20);

    private final SocketConnection socket;
    private final PageState state;
    /** How many of the pushes so far a wait has returned for, or that came before the last action was sent. */
    private int pushesAccountedFor;

    private PageConnection(SocketConnection socket, PageState state) {
        this.socket = socket;
        this.state = state;
    }

    /**
     * Opens a socket carrying {@code cookie} (the browser's {@code Cookie} header, empty for none) and mounts the
     * page {@code document} (fetched from {@code path}) holds; fails on an error.
     */
    public static PageConnection mount(HttpClient http, URI baseUrl, String cookie, Document document, String path)
            throws Exception {
        SocketConnection socket = SocketConnection.open(http, baseUrl, cookie);
        PageConnection connection = new PageConnection(socket, new PageState(socket, document, path));
        String relative = path.startsWith("/") ? path.substring(1) : path;
        socket.sendText(SocketConnection.JSON.createObjectNode().put("type", "mount").put("protocol", 1)
                .put("token", connection.state.root().attr("rl-token"))
                .put("url", baseUrl.resolve(relative).toString()).toString());
        connection.awaitMounted();
        return connection;
    }

    public PageState state() {
        return state;
    }

    /**
     * Sends {@code frame} with the next ref and returns the answer to it, after applying the frames that arrived
     * with it and the live navigation it caused, if any.
     */
    public JsonNode request(ObjectNode frame) {
        pushesAccountedFor = state.pushes();
        long ref = socket.send(frame);
        long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
        while (true) {
            JsonNode f = next(left(deadline));
            if (f.path("ref").asLong(-1) == ref) {
                for (JsonNode more = socket.pollNow(); more != null; more = socket.pollNow()) {
                    state.handle(more);
                }
                while (state.navigationPending()) {
                    next(left(deadline));
                }
                return f;
            }
        }
    }

    /** The next frame of {@code type}, the frames before it applied. */
    public JsonNode await(String type, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode f = next(left(deadline));
            if (type.equals(f.path("type").asText())) {
                return f;
            }
        }
    }

    /** The next frame, applied; fails after {@code timeout}. */
    public JsonNode next(Duration timeout) {
        JsonNode f;
        try {
            f = socket.poll(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        if (f == null) {
            throw new AssertionError("no frame from the runtime within " + timeout + "; the view shows:\n"
                    + state.root().html());
        }
        state.handle(f);
        return f;
    }

    @Override
    public void close() {
        socket.close();
    }

    private void awaitMounted() {
        long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
        while (true) {
            JsonNode f = next(left(deadline));
            if ("mounted".equals(f.path("type").asText())) {
                return;
            }
            if ("error".equals(f.path("type").asText())) {
                throw state.lastError();
            }
        }
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
    }

    /**
     * Reads frames until there is a patch the runtime sent unasked (a push, a tick) since the last action was sent
     * that no wait has returned for yet: at once when one came with the action's answer; {@code false} when none
     * came in time.
     */
    public boolean awaitPush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (state.pushes() <= pushesAccountedFor) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            next(Duration.ofNanos(left));
        }
        pushesAccountedFor++;
        return true;
    }

    /** Waits for a push that comes after this call, whatever came before it. */
    public boolean awaitNewPush(Duration timeout) {
        pushesAccountedFor = Math.max(pushesAccountedFor, state.pushes());
        return awaitPush(timeout);
    }
}
