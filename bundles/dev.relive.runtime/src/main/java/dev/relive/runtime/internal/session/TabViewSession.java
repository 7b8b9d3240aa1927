package dev.relive.runtime.internal.session;

import java.util.Map;
import java.util.Objects;

import dev.relive.api.ViewSession;
import dev.relive.runtime.internal.protocol.LocationUrl;
import dev.relive.runtime.internal.protocol.ServerFrames;

/** A tab as one of its views sees it ({@link ViewSession}), with that view's topics. */
final class TabViewSession implements ViewSession {

    private final TabSession tab;
    private final SlotTopics topics;

    TabViewSession(TabSession tab, SlotTopics topics) {
        this.tab = tab;
        this.topics = topics;
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

    /** The page's own view has no parent: nothing to do. */
    @Override
    public void sendToParent(Object message) {
    }
}
