package dev.relive.runtime.internal.auth;

import java.util.Objects;
import java.util.Optional;

import dev.relive.api.security.WebSession;

/**
 * The browser session a socket's upgrade request named by its cookie, as the socket's mounts see it: a page token
 * bound to a session mounts only on a socket with that session's cookie, and runs as that session's user.
 */
public final class SocketVisitor {

    /** A socket that named no session and can reach no store (tests). */
    public static final SocketVisitor NONE = new SocketVisitor(null, null, null);

    private final String sessionId;
    private final String binding;
    private final BrowserSessions sessions;
    private final SessionTabs tabs;

    SocketVisitor(String sessionId, BrowserSessions sessions, SessionTabs tabs) {
        this.sessionId = sessionId;
        this.binding = sessionId == null ? null : BrowserSessions.binding(sessionId);
        this.sessions = sessions;
        this.tabs = tabs;
    }

    /**
     * Why a page token bound to {@code tokenBinding} may not mount on this socket, or {@code null} when it may: a
     * token of a page rendered without a session mounts anywhere (as nobody); a bound one only with its cookie.
     */
    public String refusal(String tokenBinding) {
        if (tokenBinding == null) {
            return null;
        }
        if (binding == null) {
            return "the socket carries no session cookie, the page was rendered for a session";
        }
        return Objects.equals(binding, tokenBinding) ? null
                : "the socket's session cookie is not the one the page was rendered for";
    }

    /** The session a mount of a token bound to {@code tokenBinding} runs in: empty for an unbound token. */
    public Optional<WebSession> session(String tokenBinding) {
        if (tokenBinding == null || sessions == null || refusal(tokenBinding) != null) {
            return Optional.empty();
        }
        return sessions.find(sessionId);
    }

    /** {@code onSignOut} runs when this socket's session signs out, until {@link #forget}. */
    public void whenSignedOut(Runnable onSignOut) {
        if (tabs != null && sessionId != null) {
            tabs.add(sessionId, onSignOut);
        }
    }

    public void forget(Runnable onSignOut) {
        if (tabs != null && sessionId != null) {
            tabs.remove(sessionId, onSignOut);
        }
    }
}
