package dev.relive.runtime.internal.swap;

import java.time.Duration;
import java.util.Set;

import org.osgi.framework.Bundle;

/**
 * The services a swap held, kept after it ended in reloads: the browsers mount again only after the swap, and the
 * new instances get the services only then. Each service is released as soon as a swapped bundle uses it again, and
 * every one after the grace period at the latest, on a thread of its own that checks every {@value #CHECK_MILLIS}
 * ms.
 */
final class ReloadHold {

    static final long CHECK_MILLIS = 100;

    private ReloadHold() {
    }

    static void start(HeldServices services, Set<Bundle> bundles, Duration grace) {
        if (!services.releaseUsedAgain(bundles)) {
            return;
        }
        if (grace.isZero() || grace.isNegative()) {
            services.release();
            return;
        }
        Thread thread = new Thread(() -> keep(services, bundles, grace), "relive-hvr-reload-hold");
        thread.setDaemon(true);
        thread.start();
    }

    private static void keep(HeldServices services, Set<Bundle> bundles, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            while (System.nanoTime() < deadline && services.releaseUsedAgain(bundles)) {
                Thread.sleep(CHECK_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            services.release();
        }
    }
}
