package dev.relive.api.security;

import dev.relive.api.User;

/**
 * One browser's session: the secret {@code id} its cookie carries, the {@code csrfToken} its forms must post back,
 * the signed-in {@code user} ({@code null} before sign-in) and when it was last used, in epoch milliseconds.
 * Immutable: signing in makes a new session with a new id.
 */
public record WebSession(String id, String csrfToken, User user, long lastUsedMillis) {

    /** The same session, used at {@code millis}. */
    public WebSession usedAt(long millis) {
        return new WebSession(id, csrfToken, user, millis);
    }
}
