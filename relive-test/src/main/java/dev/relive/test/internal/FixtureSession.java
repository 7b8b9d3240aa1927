package dev.relive.test.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.relive.api.ViewSession;
import dev.relive.test.PushedEvent;

/**
 * The session of a view under a light-mode fixture: no browser, so pushes run at once on the calling thread, and
 * navigations, redirects, subscribed topics, presence entries, pushed events and focus requests are recorded.
 */
public final class FixtureSession implements ViewSession {

    private final String id = UUID.randomUUID().toString();
    private final Map<String, String> params;
    private final List<String> navigations = new ArrayList<>();
    private final List<String> urls = new ArrayList<>();
    private final Map<String, String> flash = new java.util.LinkedHashMap<>();
    private final List<PushedEvent> pushed = new ArrayList<>();
    private final List<String> focused = new ArrayList<>();
    private String redirect;
    private final Set<String> subscribed = new LinkedHashSet<>();
    private final Map<String, Map<String, String>> tracked = new LinkedHashMap<>();
    private final List<Object> messagesToParent = new ArrayList<>();

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
    public synchronized String url() {
        return urls.isEmpty() ? "" : urls.get(urls.size() - 1);
    }

    @Override
    public synchronized void pushUrl(String url) {
        urls.add(url);
    }

    @Override
    public synchronized void replaceUrl(String url) {
        if (!urls.isEmpty()) {
            urls.remove(urls.size() - 1);
        }
        urls.add(url);
    }

    @Override
    public synchronized void flash(String kind, String message) {
        flash.put(kind, message);
    }

    /** The flash messages set, by kind. */
    public synchronized Map<String, String> flash() {
        return Map.copyOf(flash);
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
    public synchronized void subscribe(String topic) {
        subscribed.add(topic);
    }

    @Override
    public synchronized void unsubscribe(String topic) {
        subscribed.remove(topic);
    }

    @Override
    public synchronized void track(String topic, Map<String, String> meta) {
        tracked.put(topic, Map.copyOf(meta));
    }

    @Override
    public synchronized void untrack(String topic) {
        tracked.remove(topic);
    }

    public synchronized Set<String> subscribed() {
        return Set.copyOf(subscribed);
    }

    /** The meta of this session's presence entry by topic. */
    public synchronized Map<String, Map<String, String>> tracked() {
        return Map.copyOf(tracked);
    }

    @Override
    public synchronized void sendToParent(Object message) {
        messagesToParent.add(message);
    }

    /** What the view sent to its parent, oldest first. */
    public synchronized List<Object> messagesToParent() {
        return List.copyOf(messagesToParent);
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
