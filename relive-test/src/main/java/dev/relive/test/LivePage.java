package dev.relive.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.relive.test.internal.EventFrames;
import dev.relive.test.internal.EventParams;
import dev.relive.test.internal.PageConnection;
import dev.relive.test.internal.PageState;
import dev.relive.test.internal.SocketConnection;

/**
 * One mounted page, driven as a browser tab drives it: actions find an element by CSS selector, read its
 * {@code rl-*} attributes and send the frame the browser client would send; every answer's patches are applied
 * to a jsoup copy of the page, which the read methods query. An action returns once the runtime has answered it.
 *
 * <p>An action answered by an {@code error} frame throws {@link LiveError}; wrap it in {@link #expectError} to
 * assert on the error instead. A server-sent live navigation ({@code session.navigate}) is followed, like the
 * client does; a redirect is recorded, not followed (a live navigation into a view with another layout ends in
 * one, since the browser needs the new layout's page).
 *
 * <p>Threading: one thread at a time. Close the page to close its socket (the view unmounts).
 */
public final class LivePage implements AutoCloseable {

    private final PageConnection connection;
    private final PageState state;
    private final Element root;
    private boolean collectingErrors;

    LivePage(PageConnection connection) {
        this.connection = connection;
        this.state = connection.state();
        this.root = state.root();
    }

    /** Clicks the element: its {@code rl-click} handler, an {@code <a rl-nav>} live navigation, or a submit button. */
    public LivePage click(String selector) {
        Element el = one(selector);
        if (el.hasAttr("rl-click")) {
            return answer(EventFrames.event(root, el, el.attr("rl-click"), EventParams.values(el)));
        }
        if (el.tagName().equals("a") && el.hasAttr("rl-nav")) {
            return navigate(el.attr("href"));
        }
        Element form = el.closest("form[rl-submit]");
        if (form != null && (el.tagName().equals("button") && !el.attr("type").equals("button")
                || el.attr("type").equals("submit"))) {
            return answer(EventFrames.submit(root, form));
        }
        throw new AssertionError(selector + " has no rl-click (nor is it an rl-nav link or a submit button): " + el);
    }

    /**
     * Types {@code value} into a field: sets it, then sends what a browser's {@code input} event sends: for an
     * {@code rl-model} field a {@code model} frame, and then the {@code rl-input} event of the field (with
     * {@code value}) or of its form (the form's fields), when there is one. A field without any of them just keeps
     * the value, for a later {@link #submit}.
     */
    public LivePage fill(String selector, String value) {
        Element el = one(selector);
        EventParams.setValue(el, value);
        if (el.hasAttr("rl-model")) {
            answer(EventFrames.model(el, value));
        }
        return answer(EventFrames.bound(root, el, "rl-input"));
    }

    /**
     * Changes a control ({@code "true"}/{@code "false"} for a checkbox): sets it, sends a {@code model} frame for an
     * {@code rl-model} control, then its {@code rl-change} event (or its form's), when there is one.
     */
    public LivePage change(String selector, String value) {
        Element el = one(selector);
        EventParams.setValue(el, value);
        if (el.hasAttr("rl-model")) {
            answer(EventFrames.model(el, value));
        }
        return answer(EventFrames.bound(root, el, "rl-change"));
    }

    /** Submits a form (or the form around the element): its {@code rl-submit} handler with the form's fields. */
    public LivePage submit(String selector) {
        Element el = one(selector);
        Element form = el.tagName().equals("form") ? el : el.closest("form");
        if (form == null || !form.hasAttr("rl-submit")) {
            throw new AssertionError(selector + " is not in a form with rl-submit");
        }
        return answer(EventFrames.submit(root, form));
    }

    /** A key pressed in the element: its {@code rl-keydown}, unless its {@code rl-key-filter} names another key. */
    public LivePage keydown(String selector, String key) {
        return answer(EventFrames.key(root, one(selector), "rl-keydown", key));
    }

    /** A key released in the element: its {@code rl-keyup}, unless its {@code rl-key-filter} names another key. */
    public LivePage keyup(String selector, String key) {
        return answer(EventFrames.key(root, one(selector), "rl-keyup", key));
    }

    /** The element gets the focus: its {@code rl-focus} with the field's value. */
    public LivePage focus(String selector) {
        return answer(EventFrames.valueEvent(root, one(selector), "rl-focus"));
    }

    /** The element loses the focus: its {@code rl-blur} with the field's value. */
    public LivePage blur(String selector) {
        return answer(EventFrames.valueEvent(root, one(selector), "rl-blur"));
    }

    /**
     * Fires event {@code type} on the element: the handler its (or its nearest ancestor's) {@code rl-TYPE} attribute
     * names, with the {@code rl-value-*} of that element and {@code params}; e.g. {@code dispatch("#row", "dblclick",
     * Map.of())} for {@code rl-dblclick="open"}.
     */
    public LivePage dispatch(String selector, String type, Map<String, ?> params) {
        Element el = one(selector);
        Element owner = el.closest("[rl-" + type + "]");
        if (owner == null) {
            throw new AssertionError(selector + " has no rl-" + type + " on it or above it");
        }
        ObjectNode all = EventParams.values(owner);
        all.setAll((ObjectNode) SocketConnection.JSON.valueToTree(params == null ? Map.of() : params));
        return answer(EventFrames.event(root, owner, owner.attr("rl-" + type), all));
    }

    /** Sends event {@code handler} to the root view with {@code params}, whatever the page shows. */
    public LivePage event(String handler, Map<String, ?> params) {
        return event(null, handler, params);
    }

    /** Sends event {@code handler} with {@code params} to child view {@code child} ({@code null}: the root view). */
    public LivePage event(String child, String handler, Map<String, ?> params) {
        ObjectNode frame = EventFrames.frame("event").put("handler", handler);
        frame.set("params", SocketConnection.JSON.valueToTree(params == null ? Map.of() : params));
        if (child != null) {
            frame.put("child", child);
        }
        return answer(frame);
    }

    /** Sends a raw client frame (its {@code ref} is set here) and returns the runtime's answer to it. */
    public JsonNode send(ObjectNode frame) {
        return connection.request(frame);
    }

    /** Live navigation to {@code path}, as an {@code <a rl-nav>} click does. */
    public LivePage navigate(String path) {
        state.navigating(path);
        answer(EventFrames.frame("navigate").put("url", path));
        return this;
    }

    /**
     * Runs {@code action} and returns the error frame it caused, failing when it caused none; e.g.
     * {@code expectError(() -> page.click("#delete")).code()} is {@code handler_failed}.
     */
    public LiveError expectError(Runnable action) {
        int before = state.errors().size();
        collectingErrors = true;
        try {
            action.run();
        } finally {
            collectingErrors = false;
        }
        if (state.errors().size() == before) {
            throw new AssertionError("expected an error frame, got none; the view shows:\n" + html());
        }
        return state.lastError();
    }

    /**
     * Waits for a patch the runtime sent unasked (a {@code session.push}, a tick) since the last action, and applies
     * it. A push that arrived with the action's answer counts: this returns at once then. Each call accounts for one
     * push: a second call waits for a second push.
     *
     * @return this page, changed by the push
     */
    public LivePage awaitPush(Duration timeout) {
        if (!connection.awaitPush(timeout)) {
            throw new AssertionError("no push within " + timeout + "; the view shows:\n" + html());
        }
        return this;
    }

    /**
     * Waits until the view has ticked {@code ticks} more times from this call, with a visible change each (a tick
     * that changes nothing sends nothing); ticks run on the runtime's timer at the view's {@code tickInterval()}.
     */
    public LivePage awaitTicks(int ticks, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < ticks; i++) {
            Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
            if (!(i == 0 ? connection.awaitNewPush(left) : connection.awaitPush(left))) {
                throw new AssertionError("no tick within " + timeout + " (" + i + " of " + ticks + " came); the view "
                        + "shows:\n" + html());
            }
        }
        return this;
    }

    /**
     * Waits for the next frame of {@code type} (e.g. {@code hvr-applied} in dev mode), applying every frame on the
     * way, and returns it.
     */
    public JsonNode awaitFrame(String type, Duration timeout) {
        return connection.await(type, timeout);
    }

    /** The inner HTML of the page's live root ({@code [rl-root]}): the view's HTML inside its layout, if any. */
    public String html() {
        return root.html();
    }

    /** The page's live root element ({@code [rl-root]}, the layout and the view), as patched so far. */
    public Element view() {
        return root;
    }

    /** Elements inside the view matching a CSS selector. */
    public Elements select(String selector) {
        return root.select(selector);
    }

    /** The one element matching {@code selector}; fails when there is none. */
    public Element one(String selector) {
        Element el = root.selectFirst(selector);
        if (el == null) {
            throw new AssertionError("no element matches " + selector + " in:\n" + html());
        }
        return el;
    }

    /** The text of the element matching {@code selector}. */
    public String text(String selector) {
        return one(selector).text();
    }

    /** Whether an element matches {@code selector}. */
    public boolean has(String selector) {
        return root.selectFirst(selector) != null;
    }

    /** The page title, following the view's {@code pageMeta()}. */
    public String title() {
        return state.title();
    }

    /** Meta tags the view's {@code pageMeta()} has sent since the mount, by name. */
    public Map<String, String> meta() {
        return state.meta();
    }

    /** The page's path: the mounted one, or the last live navigation's. */
    public String url() {
        return state.url();
    }

    /** Paths of the live navigations so far, in order. */
    public List<String> navigations() {
        return state.navigations();
    }

    /** Where the view redirected the browser ({@code session.redirect}), if it did. */
    public Optional<String> redirectedTo() {
        return Optional.ofNullable(state.redirect());
    }

    /** Why the runtime asked for a page reload, if it did. */
    public Optional<String> reloadReason() {
        return Optional.ofNullable(state.reload());
    }

    /** Patches the runtime sent unasked so far (pushes and ticks). */
    public int pushes() {
        return state.pushes();
    }

    /** Every error frame received so far. */
    public List<LiveError> errors() {
        return state.errors();
    }

    @Override
    public void close() {
        connection.close();
    }

    /** Sends {@code frame} and waits for its answer; {@code null}: nothing to send. */
    private LivePage answer(ObjectNode frame) {
        if (frame == null) {
            return this;
        }
        JsonNode answer = connection.request(frame);
        if ("error".equals(answer.path("type").asText()) && !collectingErrors) {
            throw state.lastError();
        }
        return this;
    }
}
