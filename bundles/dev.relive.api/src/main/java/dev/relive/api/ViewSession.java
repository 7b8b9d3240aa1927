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

    /** The query and route parameters of the page's current URL. */
    Map<String, String> params();

    /** The path and query of the page's current URL, e.g. {@code /tasks?filter=open}. */
    String url();

    /**
     * Changes the page's URL to {@code url}, a path on this site, as a new history entry. When the URL is served
     * by the same view, the instance stays and {@link LiveView#urlChanged} runs; otherwise it is a live
     * navigation. Happens after the current callback returns.
     *
     * @throws IllegalArgumentException when {@code url} is not a path starting with a single {@code /}
     */
    void pushUrl(String url);

    /** As {@link #pushUrl}, replacing the current history entry instead of adding one. */
    void replaceUrl(String url);

    /**
     * Shows {@code message} in the page's flash area, until after the next live navigation or redirect: it is
     * shown on the page navigated to, then goes. A later flash of the same {@code kind} replaces it.
     *
     * @param kind {@code "info"} or {@code "error"} (any lower-case word: it becomes a CSS class)
     * @throws IllegalArgumentException when {@code kind} is not a lower-case word
     */
    void flash(String kind, String message);

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
