package dev.relive.runtime.internal.auth;

import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.relive.api.security.SessionStore;
import dev.relive.api.security.WebSession;
import dev.relive.runtime.internal.config.RuntimeSettings;

/**
 * The runtime's own {@link SessionStore}: in memory, so sessions end with the runtime. A session unused for
 * {@code session_idle_seconds} ends; beyond {@code max_browser_sessions} the least recently used one without a user
 * ends (or, when every one has a user, the least recently used), so that visitors cannot grow the store without
 * bound, nor sign users out by making many sessions.
 */
@Component(service = SessionStore.class, property = "service.ranking:Integer=-100")
public class MemorySessionStore implements SessionStore {

    private final Map<String, WebSession> sessions = new LinkedHashMap<>(64, 0.75f, true);
    private final long idleMillis;
    private final int max;
    private final Clock clock;

    @Activate
    public MemorySessionStore(@Reference RuntimeSettings settings) {
        this(settings.sessionIdleSeconds() * 1000, settings.maxBrowserSessions(), Clock.systemUTC());
    }

    public MemorySessionStore(long idleMillis, int max, Clock clock) {
        this.idleMillis = idleMillis;
        this.max = Math.max(1, max);
        this.clock = clock;
    }

    @Override
    public synchronized void put(WebSession session) {
        sessions.put(session.id(), session);
        long now = clock.millis();
        Iterator<WebSession> oldest = sessions.values().iterator();
        while (oldest.hasNext() && now - oldest.next().lastUsedMillis() > idleMillis) {
            oldest.remove();
        }
        while (sessions.size() > max) {
            evictOne();
        }
    }

    /**
     * Ends the least recently used session without a user, or the least recently used one when all have one, so
     * that a flood of anonymous visits does not sign real users out.
     */
    private void evictOne() {
        Iterator<WebSession> oldest = sessions.values().iterator();
        while (oldest.hasNext()) {
            if (oldest.next().user() == null) {
                oldest.remove();
                return;
            }
        }
        Iterator<WebSession> first = sessions.values().iterator();
        first.next();
        first.remove();
    }

    @Override
    public synchronized Optional<WebSession> find(String id) {
        WebSession session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        if (now - session.lastUsedMillis() > idleMillis) {
            sessions.remove(id);
            return Optional.empty();
        }
        WebSession used = session.usedAt(now);
        sessions.put(id, used);
        return Optional.of(used);
    }

    @Override
    public synchronized void remove(String id) {
        sessions.remove(id);
    }

    synchronized int size() {
        return sessions.size();
    }
}
