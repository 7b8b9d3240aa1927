package dev.relive.runtime.spi;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One swap in progress, made by {@link ViewSwapper#hold}: the held sessions and the captured state of their views.
 * Not thread-safe: use it from the thread that made it.
 */
@ProviderType
public interface ViewSwap extends AutoCloseable {

    /**
     * For each held session: new instances of its views' new classes from their new services (waiting a few
     * seconds for each service to come back), compatibility checked and fields restored, all or nothing per
     * session; a session that cannot be carried is sent a reload with the reason. Sessions that connected during
     * the swap and mounted a view of an old revision are held and swapped too. Nothing is rendered: render the
     * swapped sessions ({@link LiveSession#rerender}) before {@link #close}.
     *
     * @param classesAfter names of the classes that exist once the bundles are updated; a view class not among them
     *        fails with {@code class_removed}
     */
    List<SwapOutcome> restore(Set<String> classesAfter);

    /**
     * As {@link #restore(Set)}, but each session is done on its own: the sessions are restored on a few threads at
     * once, and as soon as one's views are swapped (or it is sent a reload), {@code done} is called with its outcome
     * on that thread (render the session there) and the session is released, so its queued events run on the new
     * instances while other sessions are still being restored. Returns every outcome once all are done;
     * {@link #close} then releases the rest.
     *
     * @param done called once per session, on any of the swap's threads, concurrently for different sessions
     */
    List<SwapOutcome> restore(Set<String> classesAfter, Consumer<SwapOutcome> done);

    /** Instead of {@link #restore}: sends a reload with {@code reason} to every session with a captured view. */
    List<SwapOutcome> reload(ReloadReason reason);

    /** Releases the held sessions: their queued events run, on the new instances. */
    @Override
    void close();
}
