package dev.relive.runtime.internal.upgrade;

import java.util.concurrent.Future;

import org.osgi.framework.Bundle;

import dev.relive.runtime.spi.ViewSwap;

/**
 * A view bundle that went away with sessions showing its views: the swap holding them with their views' state
 * captured, until the bundle starts again (restore) or does not within the wait (reload).
 */
final class PendingUpgrade {

    final Bundle bundle;
    final ViewSwap swap;
    final long heldAt = System.nanoTime();
    final String oldVersion;
    Future<?> restore;
    Future<?> timeout;

    PendingUpgrade(Bundle bundle, ViewSwap swap) {
        this.bundle = bundle;
        this.swap = swap;
        this.oldVersion = bundle.getVersion().toString();
    }

    /** The bundle stopped again (a refresh after the update): wait for its next start. */
    void cancelRestore() {
        if (restore != null) {
            restore.cancel(false);
            restore = null;
        }
    }

    void cancelTimers() {
        cancelRestore();
        if (timeout != null) {
            timeout.cancel(false);
        }
    }

    long heldMillis() {
        return (System.nanoTime() - heldAt) / 1_000_000;
    }
}
