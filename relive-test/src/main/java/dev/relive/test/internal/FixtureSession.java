package dev.relive.test.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.relive.api.ViewSession;

/**
 * The session of a view under a light-mode fixture: no browser, so pushes run at once on the calling thread, and
 * navigations and redirects are recorded.
 */
public final class FixtureSession implements ViewSession {

    private final String id = UUID.randomUUID().toString();
    private final Map<String, String> params;
    private final List<String> navigations = new ArrayList<>();
    private final List<String> urls = new ArrayList<>();
    private final Map<String, String> flash = new java.util.LinkedHashMap<>();
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

    public synchronized List<String> navigations() {
        return List.copyOf(navigations);
    }

    public synchronized String redirect() {
        return redirect;
    }
}
