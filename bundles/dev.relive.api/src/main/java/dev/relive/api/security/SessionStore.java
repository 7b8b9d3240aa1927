package dev.relive.api.security;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where browser sessions live. The runtime uses the highest-ranking {@code SessionStore} service; its own, of
 * ranking -100, keeps them in memory (sessions end with the runtime). A store shared by several runtimes lets a
 * browser's session follow it from one to another.
 *
 * <p>Threading: called concurrently, from HTTP request and socket threads.
 */
@ConsumerType
public interface SessionStore {

    /** Keeps {@code session}, replacing any session of the same id. */
    void put(WebSession session);

    /**
     * The session of {@code id}, or empty when there is none (never made, signed out, expired, evicted). A store
     * may record the use (see {@link WebSession#usedAt}).
     */
    Optional<WebSession> find(String id);

    /** Forgets the session of {@code id}; nothing happens when there is none. */
    void remove(String id);
}
