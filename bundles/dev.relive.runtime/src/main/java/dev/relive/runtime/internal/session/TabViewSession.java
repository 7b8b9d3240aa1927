package dev.relive.runtime.internal.session;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import dev.relive.api.User;
import dev.relive.api.ViewSession;
import dev.relive.runtime.internal.protocol.LocationUrl;
import dev.relive.runtime.internal.protocol.ServerFrames;

/**
 * A tab as one of its views sees it ({@link ViewSession}), with that view's topics and its way to message its parent
 * (nothing for the page's own view).
 */
final class TabViewSession implements ViewSession {

    static final int MAX_EVENT_NAME = 100;
    static final int MAX_SELECTOR = 500;

    private final TabSession tab;
    private final SlotTopics topics;
    private final Consumer<Object> toParent;

    TabViewSession(TabSession tab, SlotTopics topics, Consumer<Object> toParent) {
        this.tab = tab;
        this.topics = topics;
        this.toParent = toParent;
    }

    @Override
    public String id() {
        return tab.id();
    }

    @Override
    public boolean isConnected() {
        return tab.isConnected();
    }

    @Override
    public Map<String, String> params() {
        return tab.params();
    }

    @Override
    public String url() {
        return tab.tree().url();
    }

    @Override
    public void pushUrl(String url) {
        tab.requestUrl(LocationUrl.requireSitePath(url, "pushUrl"), false);
    }

    @Override
    public void replaceUrl(String url) {
        tab.requestUrl(LocationUrl.requireSitePath(url, "replaceUrl"), true);
    }

    @Override
    public void flash(String kind, String message) {
        tab.tree().flash().put(kind, message);
    }

    @Override
    public void push(Runnable change) {
        tab.push(change);
    }

    @Override
    public void navigate(String url) {
        LocationUrl.require(url, "navigate");
        if (isConnected()) {
            tab.send(ServerFrames.navigate(url));
        }
    }

    @Override
    public void redirect(String url) {
        LocationUrl.require(url, "redirect");
        if (isConnected()) {
            tab.send(ServerFrames.redirect(url, tab.tree().flash().forRedirect()));
        }
    }

    @Override
    public void subscribe(String topic) {
        Objects.requireNonNull(topic, "topic");
        if (isConnected()) {
            topics.subscribe(topic);
        }
    }

    @Override
    public void unsubscribe(String topic) {
        topics.unsubscribe(topic);
    }

    @Override
    public void track(String topic, Map<String, String> meta) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(meta, "meta");
        if (isConnected()) {
            topics.track(topic, meta);
        }
    }

    @Override
    public void untrack(String topic) {
        topics.untrack(topic);
    }

    @Override
    public void sendToParent(Object message) {
        toParent.accept(message);
    }

    @Override
    public void pushEvent(String event, Object payload) {
        requireLength(event, MAX_EVENT_NAME, "event name");
        String frame = ServerFrames.push(event, payload);
        if (isConnected()) {
            tab.sendAfterChange(frame);
        }
    }

    @Override
    public void focus(String selector) {
        requireLength(selector, MAX_SELECTOR, "selector");
        if (isConnected()) {
            tab.sendAfterChange(ServerFrames.focus(selector));
        }
    }

    private static void requireLength(String text, int max, String what) {
        if (text == null || text.isBlank() || text.length() > max) {
            throw new IllegalArgumentException("a " + what + " must have 1 to " + max + " characters");
        }
    }

    @Override
    public Optional<User> user() {
        return Optional.ofNullable(tab.user());
    }

    @Override
    public String csrfToken() {
        return tab.csrfToken();
    }
}
