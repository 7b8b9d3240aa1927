package dev.relive.test.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.relive.api.ViewSession;
import dev.relive.test.PushedEvent;

/**
 * The session of a view under a light-mode fixture: no browser, so pushes run at once on the calling thread, and
 * navigations, redirects, pushed events and focus requests are recorded.
 */
public final class FixtureSession implements ViewSession {

    private final String id = UUID.randomUUID().toString();
    private final Map<String, String> params;
    private final List<String> navigations = new ArrayList<>();
    private final List<PushedEvent> pushed = new ArrayList<>();
    private final List<String> focused = new ArrayList<>();
    private String redirect;

    public FixtureSession(Map<String, String> params) {
        this.params = Map.copyOf(params);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public Map<String, String> params() {
        return params;
    }

    @Override
    public synchronized void push(Runnable change) {
        change.run();
    }

    @Override
    public synchronized void navigate(String url) {
        navigations.add(url);
    }

    @Override
    public synchronized void redirect(String url) {
        redirect = url;
    }

    @Override
    public synchronized void pushEvent(String event, Object payload) {
        pushed.add(new PushedEvent(event, payload));
    }

    @Override
    public synchronized void focus(String selector) {
        focused.add(selector);
    }

    public synchronized List<PushedEvent> pushedEvents() {
        return List.copyOf(pushed);
    }

    public synchronized List<String> focused() {
        return List.copyOf(focused);
    }

    public synchronized List<String> navigations() {
        return List.copyOf(navigations);
    }

    public synchronized String redirect() {
        return redirect;
    }
}
