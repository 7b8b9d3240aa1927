package dev.relive.runtime.internal.session;

import java.util.Map;
import java.util.function.Consumer;

import dev.relive.api.ViewSession;

/** The tab as a child view sees it: its slot's session (with its topics), and a way to message the parent view. */
final class ChildViewSession implements ViewSession {

    private final ViewSession tab;
    private final Consumer<Object> toParent;

    ChildViewSession(ViewSession tab, Consumer<Object> toParent) {
        this.tab = tab;
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
        return tab.url();
    }

    @Override
    public void pushUrl(String url) {
        tab.pushUrl(url);
    }

    @Override
    public void replaceUrl(String url) {
        tab.replaceUrl(url);
    }

    @Override
    public void flash(String kind, String message) {
        tab.flash(kind, message);
    }

    @Override
    public void push(Runnable change) {
        tab.push(change);
    }

    @Override
    public void navigate(String url) {
        tab.navigate(url);
    }

    @Override
    public void redirect(String url) {
        tab.redirect(url);
    }

    @Override
    public void subscribe(String topic) {
        tab.subscribe(topic);
    }

    @Override
    public void unsubscribe(String topic) {
        tab.unsubscribe(topic);
    }

    @Override
    public void track(String topic, Map<String, String> meta) {
        tab.track(topic, meta);
    }

    @Override
    public void untrack(String topic) {
        tab.untrack(topic);
    }

    @Override
    public void pushEvent(String event, Object payload) {
        tab.pushEvent(event, payload);
    }

    @Override
    public void focus(String selector) {
        tab.focus(selector);
    }

    @Override
    public java.util.Optional<dev.relive.api.User> user() {
        return tab.user();
    }

    @Override
    public String csrfToken() {
        return tab.csrfToken();
    }

    @Override
    public void sendToParent(Object message) {
        toParent.accept(message);
    }
}
