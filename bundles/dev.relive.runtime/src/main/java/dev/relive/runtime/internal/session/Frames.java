package dev.relive.runtime.internal.session;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.relive.runtime.internal.vdom.Patch;
import dev.relive.runtime.internal.vdom.PatchJson;

/** Builds the server's frames (see docs/protocol.md) as JSON text. */
public final class Frames {

    public static final int PROTOCOL = 1;

    private final ObjectMapper json;

    public Frames(ObjectMapper json) {
        this.json = json;
    }

    public ObjectNode object(String type) {
        return json.createObjectNode().put("type", type);
    }

    public String error(Long ref, String code, String message, String detail) {
        ObjectNode f = object("error");
        if (ref != null) {
            f.put("ref", ref);
        }
        f.put("code", code).put("message", message);
        if (detail != null) {
            f.put("detail", detail);
        }
        return text(f);
    }

    public String patch(long seq, Long ref, List<Patch> patches, String title, Map<String, String> meta) {
        ObjectNode f = object("patch").put("seq", seq);
        if (ref != null) {
            f.put("ref", ref);
        }
        f.set("patches", PatchJson.toTree(patches));
        if (title != null) {
            f.put("title", title);
        }
        if (meta != null) {
            f.set("meta", json.valueToTree(meta));
        }
        return text(f);
    }

    public String ack(long ref, long seq) {
        return text(object("ack").put("ref", ref).put("seq", seq));
    }

    public String render(Long ref, long seq, String html) {
        ObjectNode f = object("render");
        if (ref != null) {
            f.put("ref", ref);
        }
        return text(f.put("seq", seq).put("html", html));
    }

    public String reload(String reason) {
        return text(object("reload").put("reason", reason));
    }

    public String text(Object frame) {
        try {
            return json.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
