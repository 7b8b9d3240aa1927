package dev.relive.runtime.internal.protocol;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the text of one client frame into a {@link ClientFrame}, or refuses it: too large, not a JSON object, an
 * unknown {@code type}, a missing field or one of the wrong JSON type, a protocol version this server does not speak.
 * Stateless and thread-safe.
 */
public final class ClientFrameParser {

    /** The protocol version this server speaks. */
    public static final int PROTOCOL = 1;
    /** A resume key as the runtime makes them: base64url, 16 to 64 characters. */
    private static final java.util.regex.Pattern RESUME_KEY = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{16,64}");

    private final Supplier<ObjectMapper> json;
    private final int maxFrameBytes;

    public ClientFrameParser(ObjectMapper json, int maxFrameBytes) {
        this(() -> json, maxFrameBytes);
    }

    /** With the mapper {@code json} gives when the first frame is read. */
    public ClientFrameParser(Supplier<ObjectMapper> json, int maxFrameBytes) {
        this.json = json;
        this.maxFrameBytes = maxFrameBytes;
    }

    /** The largest frame, in UTF-8 bytes, that is read. */
    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    public ClientFrame parse(String text) throws RefusedFrameException {
        JsonNode frame = object(text);
        Long ref = ref(frame);
        JsonNode type = frame.get("type");
        if (type == null || !type.isTextual()) {
            throw new RefusedFrameException(ref, ErrorCode.BAD_FRAME, "missing \"type\"");
        }
        return switch (type.asText()) {
            case "mount" -> mount(frame);
            case "event" -> event(frame, ref);
            case "model" -> model(frame, ref);
            case "render" -> new ClientFrame.Render(ref);
            case "navigate" -> navigate(frame, ref);
            case "url" -> url(frame, ref);
            case "ping" -> ping(ref);
            case "upload" -> UploadFrameParser.upload(frame, ref);
            case "chunk" -> UploadFrameParser.chunk(frame, ref);
            case "cancel" -> UploadFrameParser.cancel(frame, ref);
            default -> throw new RefusedFrameException(ref, ErrorCode.UNKNOWN_TYPE,
                    "unknown frame type '" + shorten(type.asText()) + "'");
        };
    }

    private JsonNode object(String text) throws RefusedFrameException {
        if (text.length() > maxFrameBytes || text.length() * 3L > maxFrameBytes
                && text.getBytes(StandardCharsets.UTF_8).length > maxFrameBytes) {
            throw new RefusedFrameException(null, ErrorCode.TOO_LARGE, "frame of " + text.length()
                    + " characters is over the limit of " + maxFrameBytes + " bytes");
        }
        JsonNode frame;
        try {
            frame = json.get().readTree(text);
        } catch (JsonProcessingException e) {
            throw new RefusedFrameException(null, ErrorCode.BAD_JSON, "not JSON: " + e.getOriginalMessage());
        }
        if (frame == null || !frame.isObject()) {
            throw new RefusedFrameException(null, ErrorCode.BAD_JSON, "a frame must be a JSON object");
        }
        return frame;
    }

    private static ClientFrame mount(JsonNode frame) throws RefusedFrameException {
        JsonNode protocol = frame.get("protocol");
        if (protocol == null || !protocol.canConvertToInt() || protocol.asInt() != PROTOCOL) {
            throw new RefusedFrameException(null, ErrorCode.PROTOCOL_MISMATCH,
                    "this server speaks protocol " + PROTOCOL);
        }
        String token = text(frame, "token");
        String url = text(frame, "url");
        if (token == null || url == null) {
            throw new RefusedFrameException(null, ErrorCode.BAD_FRAME, "mount needs \"token\" and \"url\"");
        }
        String resume = text(frame, "resume");
        return new ClientFrame.Mount(token, url, flash(frame.get("flash")),
                resume != null && RESUME_KEY.matcher(resume).matches() ? resume : null);
    }

    /**
     * The carried flash messages: an object of short lower-case kinds to strings; anything else is left out. Their
     * size is bounded by the frame's.
     */
    private static java.util.Map<String, String> flash(JsonNode flash) {
        java.util.Map<String, String> messages = new java.util.LinkedHashMap<>();
        if (flash != null && flash.isObject()) {
            flash.fields().forEachRemaining(e -> {
                if (e.getKey().matches("[a-z][a-z0-9-]{0,19}") && e.getValue().isTextual()) {
                    messages.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return messages;
    }

    private static ClientFrame url(JsonNode frame, Long ref) throws RefusedFrameException {
        String url = text(frame, "url");
        String history = text(frame, "history");
        if (ref == null || url == null || history == null) {
            throw new RefusedFrameException(ref, ErrorCode.BAD_FRAME,
                    "url needs a positive integer \"ref\", a \"url\" and a \"history\"");
        }
        if (!LocationUrl.sitePath(url)) {
            throw new RefusedFrameException(ref, ErrorCode.BAD_FRAME, "url needs a path on this site");
        }
        if (!history.equals("push") && !history.equals("replace") && !history.equals("none")) {
            throw new RefusedFrameException(ref, ErrorCode.BAD_FRAME, "history is push, replace or none");
        }
        return new ClientFrame.Url(ref, url, history);
    }

    private static ClientFrame event(JsonNode frame, Long ref) throws RefusedFrameException {
        String handler = text(frame, "handler");
        if (ref == null || handler == null) {
            throw new RefusedFrameException(ref, ErrorCode.BAD_FRAME,
                    "event needs a positive integer \"ref\" and a \"handler\"");
        }
        JsonNode params = frame.get("params");
        if (params != null && !params.isObject() && !params.isNull()) {
            throw new RefusedFrameException(ref, ErrorCode.BAD_PARAMS, "\"params\" must be an object");
        }
        return new ClientFrame.Event(ref, handler, params, text(frame, "child"));
    }

    private static ClientFrame model(JsonNode frame, Long ref) throws RefusedFrameException {
        String field = text(frame, "field");
        if (ref == null || field == null || !frame.has("value")) {
            throw new RefusedFrameException(ref, ErrorCode.BAD_FRAME,
                    "model needs a positive integer \"ref\", a \"field\" and a \"value\"");
        }
        return new ClientFrame.Model(ref, field, frame.get("value"), text(frame, "child"));
    }

    private static ClientFrame navigate(JsonNode frame, Long ref) throws RefusedFrameException {
        String url = text(frame, "url");
        if (ref == null || url == null) {
            throw new RefusedFrameException(ref, ErrorCode.BAD_FRAME,
                    "navigate needs a positive integer \"ref\" and a \"url\"");
        }
        if (!LocationUrl.allowed(url)) {
            throw new RefusedFrameException(ref, ErrorCode.BAD_FRAME, "navigate needs a relative or http(s) \"url\"");
        }
        return new ClientFrame.Navigate(ref, url);
    }

    private static ClientFrame ping(Long ref) throws RefusedFrameException {
        if (ref == null) {
            throw new RefusedFrameException(null, ErrorCode.BAD_FRAME, "ping needs a positive integer \"ref\"");
        }
        return new ClientFrame.Ping(ref);
    }

    private static Long ref(JsonNode frame) {
        JsonNode ref = frame.get("ref");
        // a ref is a positive integer: any other value counts as none, so a frame that needs one is refused
        return ref != null && ref.canConvertToLong() && ref.isIntegralNumber() && ref.asLong() > 0 ? ref.asLong()
                : null;
    }

    static String text(JsonNode frame, String field) {
        JsonNode n = frame.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }

    /** {@code s} cut to 80 characters, for echoing client input in error messages. */
    public static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
