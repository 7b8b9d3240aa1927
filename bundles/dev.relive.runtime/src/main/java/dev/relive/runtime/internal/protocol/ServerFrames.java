package dev.relive.runtime.internal.protocol;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.relive.runtime.internal.vdom.Patch;
import dev.relive.runtime.internal.vdom.PatchJson;
import dev.relive.runtime.spi.HvrApplied;
import dev.relive.runtime.spi.HvrError;
import dev.relive.runtime.spi.ReloadReason;

/**
 * Builds every frame the server sends (docs/protocol.md, "Server to client") as JSON text. Optional fields are left
 * out when {@code null}. Thread-safe.
 */
public final class ServerFrames {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServerFrames() {
    }

    public static String mounted(Mounted m) {
        return mounted(m, null);
    }

    /** The same, with the key the client sends back to resume the tab ({@code null}: none, not resumable). */
    public static String mounted(Mounted m, String resume) {
        return mounted(m, resume, 0);
    }

    /**
     * The same, with the largest frame the client may send ({@code max_frame_bytes}; 0 leaves it out): a client
     * keeps a bigger one (a huge paste into a bound field) to itself instead of having the socket closed on it.
     */
    public static String mounted(Mounted m, String resume, int maxFrameBytes) {
        ObjectNode f = frame("mounted").put("protocol", ClientFrameParser.PROTOCOL).put("session", m.session())
                .put("view", m.view()).put("url", m.url()).put("seq", m.seq()).put("html", m.html())
                .put("title", m.title());
        if (m.ref() != null) {
            f.put("ref", m.ref());
        }
        if (m.token() != null) {
            f.put("token", m.token());
        }
        if (resume != null) {
            f.put("resume", resume);
        }
        if (maxFrameBytes > 0) {
            f.put("max_frame_bytes", maxFrameBytes);
        }
        return text(f);
    }

    /**
     * The fields of a {@code mounted} frame.
     *
     * @param ref the {@code navigate} frame answered, or {@code null} for a {@code mount}
     * @param token the new page's token after a live navigation, else {@code null}
     */
    public record Mounted(Long ref, String session, String view, String url, long seq, String html, String title,
            String token) {
    }

    /** {@code title} and {@code meta} are {@code null} when they did not change. */
    public static String patch(long seq, Long ref, List<Patch> patches, String title, Map<String, String> meta) {
        ObjectNode f = frame("patch").put("seq", seq);
        if (ref != null) {
            f.put("ref", ref);
        }
        f.set("patches", PatchJson.toTree(patches));
        if (title != null) {
            f.put("title", title);
        }
        if (meta != null) {
            f.set("meta", JSON.valueToTree(meta));
        }
        return text(f);
    }

    public static String ack(long ref, long seq) {
        return text(frame("ack").put("ref", ref).put("seq", seq));
    }

    public static String render(Long ref, long seq, String html) {
        ObjectNode f = frame("render");
        if (ref != null) {
            f.put("ref", ref);
        }
        return text(f.put("seq", seq).put("html", html));
    }

    public static String pong(long ref) {
        return text(frame("pong").put("ref", ref));
    }

    /** {@code detail}: a stack trace of user code (dev only), or {@code null}. */
    public static String error(Long ref, ErrorCode code, String message, String detail) {
        ObjectNode f = frame("error");
        if (ref != null) {
            f.put("ref", ref);
        }
        f.put("code", code.wireName()).put("message", message);
        if (detail != null) {
            f.put("detail", detail);
        }
        return text(f);
    }

    public static String redirect(String url) {
        return redirect(url, Map.of());
    }

    /** {@code flash}: the flash messages by kind the page loaded next shows, left out when empty. */
    public static String redirect(String url, Map<String, String> flash) {
        ObjectNode f = frame("redirect").put("url", url);
        if (!flash.isEmpty()) {
            f.set("flash", JSON.valueToTree(flash));
        }
        return text(f);
    }

    public static String navigate(String url) {
        return text(frame("navigate").put("url", url));
    }

    /** The server asks the browser to change its URL within the page ({@code ViewSession.pushUrl}). */
    public static String url(String url, boolean replace) {
        return text(frame("push-url").put("url", url).put("replace", replace));
    }

    /** {@code view}: the class whose state the reason is about, or {@code null} to name none. */
    public static String reload(ReloadReason reason, String view) {
        ObjectNode f = frame("reload").put("reason", reason.toString());
        if (view != null) {
            f.put("view", view);
        }
        return text(f);
    }

    public static String hvrApplied(HvrApplied applied) {
        ObjectNode f = frame("hvr-applied").put("view", applied.view()).put("version", applied.version())
                .put("file", applied.file()).put("ms", applied.ms()).put("bundle", applied.bundle());
        f.set("phases", JSON.valueToTree(applied.phases()));
        f.set("dropped", JSON.valueToTree(applied.dropped()));
        return text(f);
    }

    public static String hvrError(HvrError error) {
        return text(errorFrame(error));
    }

    /** The {@code hvr-error} of a save that was put in place but does not render: stage {@code render}. */
    public static String hvrRenderError(HvrError error) {
        return text(errorFrame(error).put("stage", "render"));
    }

    private static ObjectNode errorFrame(HvrError error) {
        return frame("hvr-error").put("bundle", error.bundle()).put("file", error.file())
                .put("line", error.line()).put("column", error.column()).put("message", error.message());
    }

    /**
     * An event for the page's hooks.
     *
     * @throws IllegalArgumentException when Jackson cannot write {@code payload}
     */
    public static String push(String event, Object payload) {
        ObjectNode f = frame("push").put("event", event);
        f.set("payload", JSON.valueToTree(payload));
        return text(f);
    }

    /** The answer to an {@code upload} frame: each offered file's id, with an {@code error} when it is refused. */
    public static String upload(long ref, String name, Map<String, String> refusals, List<String> ids) {
        ObjectNode f = frame("upload").put("ref", ref).put("name", name);
        var files = f.putArray("files");
        for (String id : ids) {
            ObjectNode file = files.addObject().put("id", id);
            if (refusals.get(id) != null) {
                file.put("error", refusals.get(id));
            }
        }
        return text(f);
    }

    /**
     * The answer to a {@code chunk} or {@code cancel}: the bytes of file {@code id} received so far, whether it is
     * complete (and its handler ran), or why it was refused ({@code error}, else {@code null}).
     */
    public static String progress(long ref, String id, long received, boolean done, String error) {
        ObjectNode f = frame("progress").put("ref", ref).put("id", id).put("received", received).put("done", done);
        if (error != null) {
            f.put("error", error);
        }
        return text(f);
    }

    public static String focus(String selector) {
        return text(frame("focus").put("selector", selector));
    }

    private static ObjectNode frame(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    private static String text(ObjectNode frame) {
        try {
            return JSON.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
