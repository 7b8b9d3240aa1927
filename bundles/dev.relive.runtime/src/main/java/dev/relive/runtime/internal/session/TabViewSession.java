package dev.relive.runtime.internal.session;

import java.util.Map;
import java.util.Optional;

import dev.relive.api.User;
import dev.relive.api.ViewSession;
import dev.relive.runtime.internal.protocol.LocationUrl;
import dev.relive.runtime.internal.protocol.ServerFrames;

/** A tab as its views see it ({@link ViewSession}). */
final class TabViewSession implements ViewSession {

    private final TabSession tab;
    private volatile User user;
    private volatile String csrfToken = "";

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

    void identify(User user, String csrfToken) {
        this.user = user;
        this.csrfToken = csrfToken;
    }

    @Override
    public Optional<User> user() {
        return Optional.ofNullable(user);
    }

    @Override
    public String csrfToken() {
        return csrfToken;
    }
}
