package dev.relive.test.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import com.fasterxml.jackson.databind.JsonNode;

import dev.relive.test.LiveError;

/**
 * What a browser tab would show and know, kept up to date frame by frame: the page (patched as the client patches
 * its DOM), title and meta, path, live navigations (followed, as the client follows them), redirect, reload, the
 * error frames and the patches the runtime sent unasked.
 */
public final class PageState {

    private final SocketConnection socket;
    private final Document document;
    private final Element root;
    private final List<LiveError> errors = new ArrayList<>();
    private final List<String> navigations = new ArrayList<>();
    private final Map<String, String> meta = new LinkedHashMap<>();
    private String url;
    private String redirect;
    private String reload;
    private int pushes;
    private long pendingNavigation;

    public PageState(SocketConnection socket, Document document, String url) {
        this.socket = socket;
        this.document = document;
        this.root = document.selectFirst("[rl-root]");
        this.url = url;
    }

    /** Applies one frame from the runtime. */
    public void handle(JsonNode f) {
        if (f.path("ref").asLong(-1) == pendingNavigation) {
            pendingNavigation = 0;
        }
        switch (f.path("type").asText()) {
            case "mounted" -> {
                PagePatcher.morph(root, f.path("html").asText());
                url = f.path("url").asText(url);
                setTitle(f);
            }
            case "render" -> PagePatcher.morph(root, f.path("html").asText());
            case "patch" -> patch(f);
            case "error" -> errors.add(new LiveError(f.path("code").asText(), f.path("message").asText(),
                    f.path("detail").asText(null)));
            case "redirect" -> {
                // a page load ends a live navigation (one into a view with another layout is answered so)
                redirect = f.path("url").asText();
                pendingNavigation = 0;
            }
            case "reload" -> reload = f.path("reason").asText();
            case "navigate" -> {
                String to = f.path("url").asText();
                navigations.add(to);
                pendingNavigation = socket.send(SocketConnection.JSON.createObjectNode().put("type", "navigate")
                        .put("url", to));
            }
            case "closed" -> throw new AssertionError("the runtime closed the socket, status " + f.path("status"));
            default -> {
                // ack, pong, hvr-applied, hvr-error: nothing to apply
            }
        }
    }

    /** Records a live navigation the test asked for. */
    public void navigating(String path) {
        navigations.add(path);
    }

    /** Whether a live navigation the runtime asked for still awaits its {@code mounted}. */
    public boolean navigationPending() {
        return pendingNavigation != 0;
    }

    public Element root() {
        return root;
    }

    public String title() {
        return document.title();
    }

    public Map<String, String> meta() {
        return Map.copyOf(meta);
    }

    public String url() {
        return url;
    }

    public List<String> navigations() {
        return List.copyOf(navigations);
    }

    public String redirect() {
        return redirect;
    }

    public String reload() {
        return reload;
    }

    public int pushes() {
        return pushes;
    }

    public List<LiveError> errors() {
        return List.copyOf(errors);
    }

    public LiveError lastError() {
        return errors.get(errors.size() - 1);
    }

    private void patch(JsonNode f) {
        try {
            PagePatcher.apply(root, f.path("patches"));
        } catch (RuntimeException e) {
            throw new AssertionError("patch does not apply to the page: " + f + "\n" + root.html(), e);
        }
        setTitle(f);
        f.path("meta").fields().forEachRemaining(m -> meta.put(m.getKey(), m.getValue().asText()));
        if (!f.has("ref")) {
            pushes++;
        }
    }

    private void setTitle(JsonNode f) {
        if (f.hasNonNull("title")) {
            document.title(f.path("title").asText());
        }
    }
}
