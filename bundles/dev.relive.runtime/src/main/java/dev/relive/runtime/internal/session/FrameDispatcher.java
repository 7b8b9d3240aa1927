package dev.relive.runtime.internal.session;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.relive.runtime.internal.registry.ViewType;
import dev.relive.runtime.internal.token.TokenSigner;

/**
 * Reads one connection's client frames (docs/protocol.md), refuses what is malformed, too large, too frequent or
 * unknown with an error frame, and hands the rest to the {@link TabSession}, in order. Called on I/O threads;
 * everything touching view state is queued on the session.
 */
public final class FrameDispatcher {

    private final Sessions sessions;
    private final TabSession session;
    private final Connection connection;
    private final RateLimiter rate;

    public FrameDispatcher(Sessions sessions, Connection connection) {
        this.sessions = sessions;
        this.connection = connection;
        this.session = sessions.open(connection);
        this.rate = new RateLimiter(sessions.settings().eventsPerSecond());
    }

    public TabSession session() {
        return session;
    }

    public void closed() {
        sessions.closed(session);
    }

    /** One text frame from the client. */
    public void onText(String text) {
        int limit = sessions.settings().maxFrameBytes();
        if (text.length() > limit || text.length() * 3L > limit
                && text.getBytes(StandardCharsets.UTF_8).length > limit) {
            error(null, "too_large", "frame of " + text.length() + " characters is over the limit of " + limit
                    + " bytes");
            return;
        }
        JsonNode frame;
        try {
            frame = sessions.json().readTree(text);
        } catch (JsonProcessingException e) {
            error(null, "bad_json", "not JSON: " + e.getOriginalMessage());
            return;
        }
        if (frame == null || !frame.isObject()) {
            error(null, "bad_json", "a frame must be a JSON object");
            return;
        }
        Long ref = ref(frame);
        JsonNode type = frame.get("type");
        if (type == null || !type.isTextual()) {
            error(ref, "bad_frame", "missing \"type\"");
            return;
        }
        switch (type.asText()) {
            case "mount" -> mount(frame);
            case "event" -> event(frame, ref);
            case "model" -> model(frame, ref);
            case "render" -> whenMounted(ref, () -> session.sendRender(ref));
            case "navigate" -> navigate(frame, ref);
            case "ping" -> {
                if (ref == null) {
                    error(null, "bad_frame", "ping needs a numeric \"ref\"");
                } else {
                    // queued behind the session's work: a pong means every frame sent before it was handled
                    String pong = sessions.frames().text(sessions.frames().object("pong").put("ref", ref));
                    session.submit(() -> connection.send(pong));
                }
            }
            default -> error(ref, "unknown_type", "unknown frame type '" + shorten(type.asText()) + "'");
        }
    }

    private void mount(JsonNode frame) {
        JsonNode protocol = frame.get("protocol");
        if (protocol == null || !protocol.canConvertToInt() || protocol.asInt() != Frames.PROTOCOL) {
            error(null, "protocol_mismatch", "this server speaks protocol " + Frames.PROTOCOL);
            connection.close(1002, "protocol mismatch");
            return;
        }
        String token = text(frame, "token");
        String url = text(frame, "url");
        if (token == null || url == null) {
            error(null, "bad_frame", "mount needs \"token\" and \"url\"");
            return;
        }
        TokenSigner.Claims claims;
        try {
            claims = sessions.signer().verify(token);
        } catch (TokenSigner.BadTokenException e) {
            error(null, "bad_token", e.getMessage());
            return;
        }
        String path = pathOf(url);
        if (!claims.route().equals(path)) {
            error(null, "bad_token", "the token was issued for " + claims.route() + ", not " + shorten(path));
            return;
        }
        session.submit(() -> {
            if (session.mounted()) {
                session.sendError(null, "bad_frame", "already mounted", null);
                return;
            }
            ViewType type = sessions.registry().byRoute(claims.route()).orElse(null);
            if (type == null || !type.className().equals(claims.view())) {
                session.sendError(null, "bad_token", "no view " + claims.view() + " at " + claims.route(), null);
                return;
            }
            try {
                String html = session.mount(type, claims.route(), claims.params());
                connection.send(mountedFrame(null, html, claims.route(), null));
            } catch (RuntimeException e) {
                session.sendError(null, "handler_failed", "mount failed: " + e.getMessage(), e);
            }
        });
    }

    private void event(JsonNode frame, Long ref) {
        String handler = text(frame, "handler");
        if (ref == null || handler == null) {
            error(ref, "bad_frame", "event needs a numeric \"ref\" and a \"handler\"");
            return;
        }
        JsonNode params = frame.get("params");
        if (params != null && !params.isObject() && !params.isNull()) {
            error(ref, "bad_params", "\"params\" must be an object");
            return;
        }
        if (!withinRate(ref)) {
            return;
        }
        String child = text(frame, "child");
        whenMounted(ref, () -> session.event(ref, child, handler, params));
    }

    private void model(JsonNode frame, Long ref) {
        String field = text(frame, "field");
        if (ref == null || field == null || !frame.has("value")) {
            error(ref, "bad_frame", "model needs a numeric \"ref\", a \"field\" and a \"value\"");
            return;
        }
        if (!withinRate(ref)) {
            return;
        }
        String child = text(frame, "child");
        JsonNode value = frame.get("value");
        whenMounted(ref, () -> session.model(ref, child, field, value));
    }

    private void navigate(JsonNode frame, Long ref) {
        String url = text(frame, "url");
        if (ref == null || url == null) {
            error(ref, "bad_frame", "navigate needs a numeric \"ref\" and a \"url\"");
            return;
        }
        if (!withinRate(ref)) {
            return;
        }
        whenMounted(ref, () -> {
            String path = pathOf(url);
            ViewType type = sessions.registry().byRoute(path).orElse(null);
            if (type == null) {
                session.sendError(ref, "unknown_route", "no view at " + shorten(path), null);
                return;
            }
            Map<String, String> params = queryOf(url);
            try {
                String html = session.navigate(type, path, params);
                connection.send(mountedFrame(ref, html, path, sessions.sign(type, path, params)));
            } catch (RuntimeException e) {
                session.sendError(ref, "handler_failed", "mount failed: " + e.getMessage(), e);
            }
        });
    }

    /** Counts a frame against the session's rate; answers {@code rate_limited} when it is over. */
    private boolean withinRate(Long ref) {
        if (rate.tryAcquire()) {
            return true;
        }
        error(ref, "rate_limited", "more than " + sessions.settings().eventsPerSecond() + " events per second");
        return false;
    }

    private String mountedFrame(Long ref, String html, String url, String token) {
        var f = sessions.frames().object("mounted").put("protocol", Frames.PROTOCOL).put("session", session.id())
                .put("view", session.rootClassName()).put("url", url).put("seq", session.seq()).put("html", html)
                .put("title", session.title());
        if (ref != null) {
            f.put("ref", ref);
        }
        if (token != null) {
            f.put("token", token);
        }
        return sessions.frames().text(f);
    }

    private void whenMounted(Long ref, Runnable action) {
        session.submit(() -> {
            if (!session.mounted()) {
                session.sendError(ref, "not_mounted", "send a mount frame first", null);
                return;
            }
            action.run();
        });
    }

    private void error(Long ref, String code, String message) {
        connection.send(sessions.frames().error(ref, code, message, null));
    }

    private static Long ref(JsonNode frame) {
        JsonNode ref = frame.get("ref");
        return ref != null && ref.canConvertToLong() && ref.isIntegralNumber() ? ref.asLong() : null;
    }

    private static String text(JsonNode frame, String field) {
        JsonNode n = frame.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }

    static String pathOf(String url) {
        try {
            String path = URI.create(url).getPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (IllegalArgumentException e) {
            int q = url.indexOf('?');
            return q < 0 ? url : url.substring(0, q);
        }
    }

    static Map<String, String> queryOf(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        int q = url.indexOf('?');
        if (q < 0) {
            return params;
        }
        String query = url.substring(q + 1);
        int hash = query.indexOf('#');
        if (hash >= 0) {
            query = query.substring(0, hash);
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            params.putIfAbsent(decode(k), decode(v));
        }
        return params;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
