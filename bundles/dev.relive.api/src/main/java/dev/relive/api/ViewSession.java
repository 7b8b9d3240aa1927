package dev.relive.api;

import java.util.Map;

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
}
