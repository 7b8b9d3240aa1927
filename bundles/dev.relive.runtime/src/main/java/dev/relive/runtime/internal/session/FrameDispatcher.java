package dev.relive.runtime.internal.session;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.relive.api.User;
import dev.relive.api.security.WebSession;
import dev.relive.runtime.internal.auth.SocketVisitor;
import dev.relive.runtime.internal.auth.ViewAccess;

import dev.relive.runtime.internal.protocol.ClientFrame;
import dev.relive.runtime.internal.protocol.ClientFrameParser;
import dev.relive.runtime.internal.protocol.ErrorCode;
import dev.relive.runtime.internal.protocol.PageUrl;
import dev.relive.runtime.internal.protocol.RefusedFrameException;
import dev.relive.runtime.internal.protocol.ServerFrames;
import dev.relive.api.NotFoundException;
import dev.relive.runtime.internal.registry.RouteMatch;
import dev.relive.runtime.internal.registry.ViewRegistry;
import dev.relive.runtime.internal.registry.ViewType;
import dev.relive.runtime.internal.route.BadParamException;
import dev.relive.runtime.internal.route.RoutePattern;
import dev.relive.runtime.internal.token.PageTokens;
import dev.relive.runtime.internal.token.TokenSigner;
import dev.relive.runtime.internal.upload.UploadSettings;

/**
 * Hands one connection's client frames, as {@link ClientFrameParser} reads them, to its {@link TabSession}, in
 * order; answers refused frames, frames over the rate limit and bad tokens with an error frame. A token bound to
 * a browser session mounts only on a socket with that session's cookie, and every mount and live navigation is
 * checked against the view's access rule ({@link ViewAccess}). Called on I/O threads, one frame at a time per
 * connection; everything touching view state is queued on the session.
 */
public final class FrameDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(FrameDispatcher.class);

    private final TabSession session;
    private final Connection connection;
    private final ClientFrameParser parser;
    private final ViewRegistry registry;
    private final PageTokens tokens;
    private final RateLimiter rate;
    private final RenderRequests renders;
    private long lastRefusalNoticeNanos;
    private boolean refusedBefore;
    private final int eventsPerSecond;
    private final Runnable onMounted;
    private final Runnable onClose;
    private final TabUploads uploads;
    private final SocketVisitor visitor;
    private final ScheduledExecutorService timer;
    private final Runnable onSignOut = this::signedOut;
    /** The session binding of the token this tab mounted with; {@code null} before or without one. */
    private volatile String binding;
    private volatile boolean signedOut;

    FrameDispatcher(TabSession session, Connection connection, ClientFrameParser parser, ViewRegistry registry,
            PageTokens tokens, int eventsPerSecond, ScheduledExecutorService timer, Runnable onMounted,
            Runnable onClose) {
        this(session, connection, parser, registry, tokens, eventsPerSecond, UploadSettings.defaults(), timer,
                onMounted, onClose, SocketVisitor.NONE);
    }

    /**
     * {@code onMounted} runs after each page is sent, on the session's thread; {@code onClose} when it ends;
     * {@code visitor}: the browser session the socket's upgrade request named.
     */
    FrameDispatcher(TabSession session, Connection connection, ClientFrameParser parser, ViewRegistry registry,
            PageTokens tokens, int eventsPerSecond, UploadSettings uploadSettings, ScheduledExecutorService timer,
            Runnable onMounted, Runnable onClose, SocketVisitor visitor) {
        this.uploads = new TabUploads(session, uploadSettings);
        this.visitor = visitor;
        this.timer = timer;
        this.session = session;
        this.connection = connection;
        this.parser = parser;
        this.registry = registry;
        this.tokens = tokens;
        this.eventsPerSecond = eventsPerSecond;
        this.rate = new RateLimiter(eventsPerSecond);
        this.renders = new RenderRequests(timer, session);
        this.onMounted = onMounted;
        this.onClose = onClose;
    }

    /** A binary frame from the client: not read (the protocol is JSON text), and said so. */
    public void onBinary() {
        if (admitted()) {
            error(null, ErrorCode.BAD_FRAME, "binary frames are not read: frames are JSON text");
        }
    }

    /**
     * Whether a frame that came in is looked at: not after the session signed out, nor over the rate limit (which is
     * then said, at most once a second).
     */
    private boolean admitted() {
        if (signedOut) {
            return false;
        }
        if (!rate.tryAcquire()) {
            refuseOverLimit();
            return false;
        }
        return true;
    }

    /** One text frame from the client. */
    public void onText(String text) {
        if (!admitted()) {
            return;
        }
        ClientFrame frame;
        try {
            frame = parser.parse(text);
        } catch (RefusedFrameException e) {
            error(e.ref(), e.code(), e.getMessage());
            if (e.code() == ErrorCode.PROTOCOL_MISMATCH) {
                connection.close(1002, "protocol mismatch");
            }
            return;
        }
        if (frame instanceof ClientFrame.Mount m) {
            mount(m);
        } else if (frame instanceof ClientFrame.Event e) {
            whenMounted(e.ref(), () -> session.event(e.ref(), e.child(), e.handler(), e.params()));
        } else if (frame instanceof ClientFrame.Model m) {
            whenMounted(m.ref(), () -> session.model(m.ref(), m.child(), m.field(), m.value()));
        } else if (frame instanceof ClientFrame.Render r) {
            renders.request(r.ref());
        } else if (frame instanceof ClientFrame.Navigate n) {
            whenMounted(n.ref(), () -> navigate(n.ref(), PageUrl.of(n.url())));
        } else if (frame instanceof ClientFrame.Url u) {
            whenMounted(u.ref(), () -> changeUrl(u));
        } else if (frame instanceof ClientFrame.Upload u) {
            whenMounted(u.ref(), () -> uploads.offer(u.ref(), u.child(), u.name(), u.files()));
        } else if (frame instanceof ClientFrame.Chunk c) {
            whenMounted(c.ref(), () -> uploads.chunk(c.ref(), c.id(), c.offset(), c.data()));
        } else if (frame instanceof ClientFrame.Cancel c) {
            whenMounted(c.ref(), () -> uploads.cancel(c.ref(), c.id()));
        } else if (frame instanceof ClientFrame.Ping p) {
            // queued behind the session's work: a pong means every frame sent before it was handled
            session.submit(() -> connection.send(ServerFrames.pong(p.ref())));
        }
    }

    /** A frame could not be handled at all; the session lives on. */
    public void failed(RuntimeException e) {
        error(null, ErrorCode.BAD_FRAME, "frame could not be read: " + e.getMessage());
    }

    /**
     * The connection ended with {@code status}: a normal close or the browser going away (the tab was closed or
     * left) ends the tab for good; any other leaves its stored state for a reconnect to resume.
     */
    public void closed(int status) {
        ClusterTab cluster = session.cluster();
        if (cluster != null && (status == 1000 || status == 1001)) {
            cluster.leave();
        }
        closed();
    }

    /** The connection ended. */
    public void closed() {
        session.submit(uploads::discardAll);
        visitor.forget(onSignOut);
        onClose.run();
    }

    private void mount(ClientFrame.Mount frame) {
        TokenSigner.Claims claims;
        try {
            claims = tokens.verify(frame.token());
        } catch (TokenSigner.BadTokenException e) {
            error(null, ErrorCode.BAD_TOKEN, e.getMessage());
            return;
        }
        PageUrl url = PageUrl.of(frame.url());
        if (!routeMatches(claims.route(), url.path())) {
            error(null, ErrorCode.BAD_TOKEN, "the token was issued for " + claims.route() + ", not "
                    + ClientFrameParser.shorten(url.path()));
            return;
        }
        String refusal = visitor.refusal(claims.session());
        if (refusal != null) {
            LOG.warn("refused a mount of {}: {}", claims.route(), refusal);
            error(null, ErrorCode.BAD_TOKEN, refusal + "; reload the page");
            return;
        }
        session.submit(() -> {
            if (session.tree().mounted()) {
                session.sendError(null, ErrorCode.BAD_FRAME, "already mounted", null);
                return;
            }
            binding = claims.session();
            RouteMatch match = registry.match(url.path()).orElse(null);
            if (match == null || !claims.route().equals(match.type().route())
                    || !match.type().className().equals(claims.view())) {
                session.sendError(null, ErrorCode.BAD_TOKEN, "no view " + claims.view() + " at " + claims.route(),
                        null);
                return;
            }
            if (!admitted(match.type(), url.path(), url.query())) {
                return;
            }
            try {
                session.tree().flash().carried(frame.flash());
                ClusterTab cluster = session.cluster();
                String html = (cluster == null ? Optional.<String>empty()
                        : cluster.resume(frame.resume(), match, url.relative(), url.query()))
                        .orElseGet(() -> session.mount(match, url.relative(), url.query()));
                connection.send(session.mountedFrame(null, html, null, parser.maxFrameBytes()));
                onMounted.run();
            } catch (BadParamException | NotFoundException e) {
                session.sendError(null, ErrorCode.UNKNOWN_ROUTE, "not found: " + e.getMessage(), null);
            } catch (RuntimeException e) {
                session.sendError(null, ErrorCode.HANDLER_FAILED, "mount failed: " + e.getMessage(), e);
            }
        });
    }

    private static boolean routeMatches(String route, String path) {
        try {
            return RoutePattern.of(route).match(path).isPresent();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void navigate(Long ref, PageUrl url) {
        RouteMatch match = registry.match(url.path()).orElse(null);
        if (match == null) {
            session.sendError(ref, ErrorCode.UNKNOWN_ROUTE, "no view at "
                    + ClientFrameParser.shorten(url.path()), null);
            return;
        }
        if (!admitted(match.type(), url.path(), url.query())) {
            return;
        }
        try {
            String html = session.navigate(match, url.relative(), url.query());
            if (session.tree().layoutChanged()) {
                // the page's head belongs to the old layout: the new one needs a page of its own
                connection.send(ServerFrames.redirect(url.relative()));
                return;
            }
            connection.send(session.mountedFrame(ref, html,
                    tokens.sign(match.type(), match.type().route(), url.query(), binding), parser.maxFrameBytes()));
            onMounted.run();
        } catch (BadParamException | NotFoundException e) {
            session.sendError(ref, ErrorCode.UNKNOWN_ROUTE, "not found: " + e.getMessage(), null);
        } catch (RuntimeException e) {
            session.sendError(ref, ErrorCode.HANDLER_FAILED, "mount failed: " + e.getMessage(), e);
        }
    }

    /** Within the view that serves the URL now, the URL changes in place; to another view, it is a navigation. */
    private void changeUrl(ClientFrame.Url frame) {
        PageUrl url = PageUrl.of(frame.url());
        RouteMatch match = registry.match(url.path()).orElse(null);
        if (match != null && session.tree().shows(match.type().className())
                && match.type().route().equals(session.tree().routePattern())) {
            session.changeUrl(frame.ref(), match, url.relative(), url.query());
        } else {
            navigate(frame.ref(), url);
        }
    }

    /**
     * Whether the tab's browser session may see {@code type}; if not, sends the tab to the login page (not signed
     * in) or to a full load of the page, which answers 403 (signed in without the role). On the session's thread.
     */
    private boolean admitted(ViewType type, String route, Map<String, String> query) {
        Optional<WebSession> web = visitor.session(binding);
        Optional<User> user = web.map(WebSession::user);
        switch (ViewAccess.decide(type.reference(), user)) {
            case SIGN_IN -> {
                connection.send(ServerFrames.redirect(ViewAccess.loginUrl(ViewAccess.pathAndQuery(route, query))));
                return false;
            }
            case FORBIDDEN -> {
                connection.send(ServerFrames.redirect(ViewAccess.pathAndQuery(route, query)));
                return false;
            }
            default -> {
                session.identify(user.orElse(null), web.map(WebSession::csrfToken).orElse(""));
                if (web.isPresent()) {
                    visitor.whenSignedOut(onSignOut);
                }
                return true;
            }
        }
    }

    /**
     * The browser session signed out (in another tab): no frame of this tab is served any more, its views are
     * unmounted, it is sent to the login page and the socket closes soon after, once the redirect had time to go.
     */
    private void signedOut() {
        signedOut = true;
        ClusterTab cluster = session.cluster();
        if (cluster != null) {
            cluster.leave();
        }
        session.submit(() -> {
            String here = session.tree().mounted() ? session.tree().url() : "/";
            connection.send(ServerFrames.redirect(ViewAccess.loginUrl(here)));
            onClose.run();
            timer.schedule(() -> connection.close(1008, "signed out"), 2, TimeUnit.SECONDS);
        });
    }

    /**
     * Every frame, bad ones included, counts against the limit. One {@code rate_limited} frame a second at most
     * answers the refused ones: a refusal must not cost more to send than the frame it refuses.
     */
    private void refuseOverLimit() {
        long now = System.nanoTime();
        if (refusedBefore && now - lastRefusalNoticeNanos < 1_000_000_000L) {
            return;
        }
        refusedBefore = true;
        lastRefusalNoticeNanos = now;
        error(null, ErrorCode.RATE_LIMITED, "more than " + eventsPerSecond + " frames per second; frames dropped");
    }

    private void whenMounted(Long ref, Runnable action) {
        session.submit(() -> {
            if (!session.tree().mounted()) {
                session.sendError(ref, ErrorCode.NOT_MOUNTED, "send a mount frame first", null);
                return;
            }
            action.run();
        });
    }

    private void error(Long ref, ErrorCode code, String message) {
        connection.send(ServerFrames.error(ref, code, message, null));
    }
}
