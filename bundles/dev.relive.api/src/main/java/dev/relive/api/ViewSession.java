package dev.relive.api;

import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The connection of one browser tab to its view, implemented by the runtime.
 *
 * <p>Threading: every method may be called from any thread. {@link #push} is how code outside the view's own
 * callbacks (a background task, a listener) changes the view: the change runs serialized with the view's events
 * and is followed by a render and a patch.
 *
 * <p>Lifecycle: valid from {@link LiveView#mount} until {@link LiveView#unmount}; afterwards {@link #push} is
 * ignored and {@link #isConnected()} is false. During the server-side render of a page there is no browser yet:
 * {@link #isConnected()} is false and pushes are dropped.
 */
@ProviderType
public interface ViewSession {

    /** Identifier of this session, unique within the runtime. */
    String id();

    /** Whether a browser is connected to this session. */
    boolean isConnected();

    /** The query parameters the view was mounted with. */
    Map<String, String> params();

    /**
     * Runs {@code change} on the view's serialized executor, then renders and sends the patches. Returns at once.
     */
    void push(Runnable change);

    /**
     * Live navigation to another view's route, keeping the socket and sticky child views.
     *
     * @throws IllegalArgumentException when {@code url} is neither relative nor {@code http}/{@code https}
     */
    void navigate(String url);

    /**
     * Full page load of {@code url}.
     *
     * @throws IllegalArgumentException when {@code url} is neither relative nor {@code http}/{@code https}
     *         ({@code javascript:}, {@code data:}, ...)
     */
    void redirect(String url);

    /**
     * The user signed in to the browser session this tab belongs to, or empty for a visitor who is not signed in.
     * Fixed for the life of the view: signing out sends every tab of the browser session to the login page, and a
     * tab opened before signing in shows its page as it was until it is loaded again.
     */
    default Optional<User> user() {
        return Optional.empty();
    }

    /**
     * The token a plain HTML form posting to the runtime ({@code /logout}, {@code /login}) must carry in its
     * {@code _csrf} field; empty when the tab has no browser session.
     */
    default String csrfToken() {
        return "";
    }
}
