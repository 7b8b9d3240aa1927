package dev.relive.cluster.internal;

import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

import dev.relive.api.User;
import dev.relive.api.security.SessionStore;
import dev.relive.api.security.WebSession;

/**
 * Browser sessions in a distributed map, so that a user signed in through one member is signed in on all. A session
 * unused for {@code session_idle_seconds} ends (the map's max idle, and a check on reading); beyond
 * {@code max_browser_sessions} per member the least recently used go, signed in or not. A use is written back at
 * most once a second, so that page loads do not each cost a write.
 */
@Component(service = SessionStore.class, property = "service.ranking:Integer=100")
public class ClusterSessionStore implements SessionStore {

    private static final long WRITE_USE_AFTER_MILLIS = 1000;

    private final IMap<String, StoredSession> sessions;
    private final long idleMillis;
    private final Clock clock;

    @Activate
    public ClusterSessionStore(@Reference ClusterMember member) {
        this(member.instance(), member.settings().sessionIdle().toMillis(), Clock.systemUTC());
    }

    ClusterSessionStore(HazelcastInstance instance, long idleMillis, Clock clock) {
        this.sessions = instance.getMap(MemberSettings.SESSIONS);
        this.idleMillis = idleMillis;
        this.clock = clock;
    }

    @Override
    public void put(WebSession session) {
        sessions.set(session.id(), StoredSession.of(session));
    }

    @Override
    public Optional<WebSession> find(String id) {
        StoredSession stored = sessions.get(id);
        if (stored == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        if (now - stored.lastUsedMillis() > idleMillis) {
            sessions.delete(id);
            return Optional.empty();
        }
        WebSession used = stored.session().usedAt(now);
        if (now - stored.lastUsedMillis() > WRITE_USE_AFTER_MILLIS) {
            sessions.setAsync(id, StoredSession.of(used));
        }
        return Optional.of(used);
    }

    @Override
    public void remove(String id) {
        sessions.delete(id);
    }

    /** A {@link WebSession} in serializable form (the API's records are not serializable). */
    record StoredSession(String id, String csrfToken, String userId, String userName, HashSet<String> roles,
            long lastUsedMillis) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        static StoredSession of(WebSession s) {
            User u = s.user();
            return new StoredSession(s.id(), s.csrfToken(), u == null ? null : u.id(), u == null ? null : u.name(),
                    u == null ? null : new HashSet<>(u.roles()), s.lastUsedMillis());
        }

        WebSession session() {
            User user = userId == null ? null : new User(userId, userName, roles);
            return new WebSession(id, csrfToken, user, lastUsedMillis);
        }
    }
}
