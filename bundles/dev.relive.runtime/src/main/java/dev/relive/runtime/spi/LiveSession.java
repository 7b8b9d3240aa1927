package dev.relive.runtime.spi;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.ServiceReference;

import dev.relive.api.LiveView;

/**
 * One connected browser tab, as dev tooling sees it.
 *
 * <p>Threading: {@link #hold()} waits for the event in progress to finish and keeps later events queued, in order,
 * until {@link #release()}, which runs them. Between the two, the holder may read and replace the session's views
 * from its own thread. Every other method may be called from any thread.
 */
@ProviderType
public interface LiveSession {

    String id();

    /** The root view and its child views, root first. */
    List<ViewSlot> slots();

    /**
     * Whether the session's last render read the template file {@code path} of bundle
     * {@code bundleSymbolicName}: a view's own template, or one it includes, extends or imports, or its layout.
     */
    boolean renders(String bundleSymbolicName, String path);

    /** Stops running events (they queue) once the one in progress has finished. Re-entrant calls nest. */
    void hold() throws InterruptedException;

    /** Ends a {@link #hold()}: queued events run, in arrival order. */
    void release();

    /**
     * Since when the session's oldest queued event has waited, in {@link System#nanoTime()} terms; empty when none
     * waits. A swap releases the sessions whose events have waited longest first.
     *
     * @since 2.3
     */
    default OptionalLong waitingSince() {
        return OptionalLong.empty();
    }

    /**
     * Creates a new, unmounted instance of the view service {@code reference} for this session. Install it with
     * {@link #replace}; the runtime releases it when the view leaves the page.
     */
    LiveView create(ServiceReference<LiveView> reference);

    /** Gives back an instance made by {@link #create} that will not be installed. */
    void discard(LiveView instance, ServiceReference<LiveView> reference);

    /** Puts {@code instance} (made by {@link #create}) in {@code slot}, releasing the old instance. Held only. */
    void replace(ViewSlot slot, LiveView instance, ServiceReference<LiveView> reference);

    /**
     * Renders the page with the current instances and sends the patches, then {@code applied} if not null. When the
     * session is held with events (or other tasks) queued, the first of them renders the new code once released and
     * answers with the patches: the page is not rendered a second time, and {@code applied} follows their answers.
     */
    void rerender(HvrApplied applied);

    /**
     * As {@link #rerender(HvrApplied)}, calling {@code renderFailed} with the failure's message when the render fails
     * (the browser then gets an {@code hvr-error} of stage {@code render} instead of {@code applied}), on the thread
     * that rendered.
     */
    default void rerender(HvrApplied applied, Consumer<String> renderFailed) {
        rerender(applied);
    }

    /** Sends an {@code hvr-error} frame: the browser shows where the build failed. */
    void showError(HvrError error);

    /** Sends a {@code reload} frame with {@code reason}. */
    void reload(ReloadReason reason);

    /**
     * Sends a {@code reload} frame with {@code reason}, about the view of class {@code view} (a child view, when the
     * reason is a child's); a dev runtime names it in the frame, so that the page says whose new code could not take
     * over.
     */
    default void reload(ReloadReason reason, String view) {
        reload(reason);
    }
}
