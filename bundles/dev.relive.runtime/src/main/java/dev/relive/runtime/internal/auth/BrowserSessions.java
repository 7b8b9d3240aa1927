package dev.relive.runtime.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import dev.relive.api.User;
import dev.relive.api.security.SessionStore;
import dev.relive.api.security.WebSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Browser sessions: made when a page needs one (the login form, a protected page), found by their cookie, replaced
 * by a new one at sign-in (so an id planted before sign-in is worth nothing after it) and ended at sign-out, which
 * also reaches the session's open tabs. A page token names its session by a {@link #binding} (a hash of the id),
 * never by the id itself, which only the {@code HttpOnly} cookie carries.
 */
@Component(service = BrowserSessions.class)
public class BrowserSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The best-ranked store of the moment: a cluster's store is taken up when it comes, without a restart. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile SessionStore store;
    private final SessionTabs tabs;

    @Activate
    public BrowserSessions(@Reference SessionTabs tabs) {
        this.tabs = tabs;
    }

    /** With a fixed store, for use outside the framework. */
    public BrowserSessions(SessionStore store, SessionTabs tabs) {
        this.store = store;
        this.tabs = tabs;
    }

    /** The session of the request's cookie, if the store still has it. */
    public Optional<WebSession> current(HttpServletRequest req) {
        String id = SessionCookie.read(req);
        return id == null ? Optional.empty() : store.find(id);
    }

    /** The session of id {@code id}, if the store still has it. */
    Optional<WebSession> find(String id) {
        return id == null ? Optional.empty() : store.find(id);
    }

    /** The request's session, or a new one (with its cookie set on {@code resp}). */
    public WebSession currentOrNew(HttpServletRequest req, HttpServletResponse resp) {
        return current(req).orElseGet(() -> start(req, resp, null));
    }

    /** Ends the request's session, if any, and starts one for {@code user} with a new id and CSRF token. */
    WebSession signIn(HttpServletRequest req, HttpServletResponse resp, User user) {
        current(req).ifPresent(old -> store.remove(old.id()));
        return start(req, resp, user);
    }

    /** Ends {@code session}, clears the cookie and sends the session's open tabs to the login page. */
    void signOut(WebSession session, HttpServletRequest req, HttpServletResponse resp) {
        store.remove(session.id());
        SessionCookie.clear(req, resp);
        tabs.signedOut(session.id());
    }

    /** A socket's view of the session its upgrade request's cookie named ({@code null}: no cookie). */
    public SocketVisitor socketVisitor(String cookieSessionId) {
        return new SocketVisitor(cookieSessionId, this, tabs);
    }

    /** Reads the session id of a socket's upgrade request. */
    public static String cookieSessionId(HttpServletRequest req) {
        return SessionCookie.read(req);
    }

    /** What a page token carries to name session {@code id}: a hash, so the page never shows the id itself. */
    public static String binding(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code token} is {@code session}'s CSRF token. */
    static boolean csrfMatches(WebSession session, String token) {
        return token != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private WebSession start(HttpServletRequest req, HttpServletResponse resp, User user) {
        WebSession session = new WebSession(randomId(), randomId(), user, System.currentTimeMillis());
        store.put(session);
        SessionCookie.write(req, resp, session.id());
        return session;
    }

    private static String randomId() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
