package dev.relive.runtime.spi;

import java.util.Collection;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * Service of the runtime: moves the live views of bundles that are being updated to instances of their new
 * classes, carrying each instance's state (its fields) across, so that open tabs keep what they show.
 *
 * <p>A swap runs in three steps, on one thread: {@link #hold} before the bundles change, then (after
 * {@code Bundle.update} and refresh) {@link ViewSwap#restore} or {@link ViewSwap#reload}, rendering what the
 * outcomes name, then {@link ViewSwap#close}.
 */
@ProviderType
public interface ViewSwapper {

    /**
     * Holds every session that shows a view of one of {@code bundles}, or has not mounted a view yet (its mount
     * then runs on the new code), and captures the state of the views of {@code bundles}. Holding waits for the
     * event or mount in progress; later events queue until {@link ViewSwap#close}.
     */
    ViewSwap hold(Collection<Bundle> bundles) throws InterruptedException;

    /**
     * Runs the capture and restore of view state on sample values, so that the first swap after start-up does not
     * load and JIT-compile that code while sessions wait. Touches no session; call it from a background thread.
     */
    default void warmUp() {
    }
}
