package dev.relive.runtime.internal.auth;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;

/** The open tabs of each browser session, so that signing out reaches every one of them. */
@Component(service = SessionTabs.class)
public class SessionTabs {

    private final Map<String, Set<Runnable>> tabs = new ConcurrentHashMap<>();

    /** {@code onSignOut} runs when session {@code id} signs out, until {@link #remove}d. */
    void add(String id, Runnable onSignOut) {
        tabs.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(onSignOut);
    }

    void remove(String id, Runnable onSignOut) {
        tabs.computeIfPresent(id, (k, set) -> {
            set.remove(onSignOut);
            return set.isEmpty() ? null : set;
        });
    }

    /** Session {@code id} signed out: tells each of its tabs. */
    void signedOut(String id) {
        Set<Runnable> open = tabs.remove(id);
        if (open != null) {
            open.forEach(Runnable::run);
        }
    }
}
