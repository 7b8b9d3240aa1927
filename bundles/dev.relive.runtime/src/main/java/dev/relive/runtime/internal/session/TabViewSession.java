package dev.relive.runtime.internal.session;

import java.util.Map;

import dev.relive.api.ViewSession;
import dev.relive.runtime.internal.protocol.LocationUrl;
import dev.relive.runtime.internal.protocol.ServerFrames;

/** A tab as its views see it ({@link ViewSession}). */
final class TabViewSession implements ViewSession {

    static final int MAX_EVENT_NAME = 100;
    static final int MAX_SELECTOR = 500;

    private final TabSession tab;

    TabViewSession(TabSession tab) {
        this.tab = tab;
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
            tab.send(ServerFrames.redirect(url));
        }
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
}
