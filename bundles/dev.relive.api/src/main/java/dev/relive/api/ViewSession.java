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
 *
 * <p>A view's subscriptions ({@link #subscribe}) and presence entries ({@link #track}) belong to the view: they end
 * when it leaves the page (unmount, tab closed) and are kept when Hot View Replacement or a live upgrade gives the
 * page a new instance of the view. Without a browser (the server-side render) they are not made.
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
     * Subscribes this view to {@code topic} (see {@link Topics}): each message published on it afterwards runs
     * {@link LiveView#message} serialized with the view's events, followed by a render. Subscribing again is
     * nothing.
     *
     * @throws IllegalStateException when the view already holds as many subscriptions and presence entries as the
     *         runtime allows a tab ({@code max_topics_per_session})
     */
    void subscribe(String topic);

    /** Ends this view's subscription to {@code topic}; messages already queued for it are still delivered. */
    void unsubscribe(String topic);

    /**
     * Tracks this tab as present under {@code topic} with {@code meta}, keyed by {@link #id()} (see
     * {@link Presence}); calling it again replaces the meta. The entry goes when the view leaves the page.
     * Tracking does not subscribe: a view that shows the list subscribes to the topic as well.
     *
     * @throws IllegalStateException over the same cap as {@link #subscribe}
     */
    void track(String topic, Map<String, String> meta);

    /** Removes this tab's entry under {@code topic}. */
    void untrack(String topic);

    /**
     * From a child view: runs its parent's {@link LiveView#onChildMessage} with this child's id and
     * {@code message}. Called in a handler (or another callback of the session's), it runs when that handler returns,
     * in the same change: the page renders once, and the answer to the event carries both views' changes (an
     * exception in the parent rolls both back). Called from a thread of the view's own, it runs as the session's next
     * task, serialized with its events, then renders. Ignored when called on the page's own view or when no browser
     * is connected.
     */
    void sendToParent(Object message);

    /**
     * Sends {@code event} with {@code payload} to the page's client hooks that handle it ({@code handleEvent}), after
     * the patch of the change running now (or at once, from outside the view's callbacks). {@code payload} is
     * converted to JSON by Jackson when this method is called: later changes to it are not sent. Dropped when no
     * browser is connected.
     *
     * @param event a name of 1 to 100 characters
     * @param payload a value Jackson can write (a record, a map, a list, a string, a number...), or {@code null}
     * @throws IllegalArgumentException when {@code event} is empty or too long, or {@code payload} cannot be written
     *         as JSON
     * @since 1.2
     */
    void pushEvent(String event, Object payload);

    /**
     * Moves the browser's focus to the first element of the view matching the CSS {@code selector}, once the patch
     * of the change running now is applied (for example the first invalid field of a form). Nothing happens when no
     * element matches or no browser is connected.
     *
     * @param selector a CSS selector of 1 to 500 characters, such as {@code "#email"} or {@code "[aria-invalid]"}
     * @throws IllegalArgumentException when {@code selector} is empty or too long
     * @since 1.2
     */
    void focus(String selector);

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
