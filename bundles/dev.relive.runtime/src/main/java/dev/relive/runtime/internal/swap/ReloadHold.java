package dev.relive.runtime.internal.swap;

import java.time.Duration;
import java.util.Set;

import org.osgi.framework.Bundle;

/**
 * The services a swap held, kept after it ended in reloads: the browsers mount again only after the swap, and the
 * new instances get the services only then. They are released once the swapped bundles have used all of them for
 * {@value #SETTLED_CHECKS} checks in a row, {@value #CHECK_MILLIS} ms apart (a page rendered over HTTP uses them only
 * for a moment, its WebSocket mount for as long as the tab is open), and after the grace period at the latest. The
 * checks run on a thread of their own.
 */
final class ReloadHold {

    static final long CHECK_MILLIS = 100;
    static final int SETTLED_CHECKS = 10;

    private ReloadHold() {
    }

    static void start(HeldServices services, Set<Bundle> bundles, Duration grace) {
        if (services.references().isEmpty() || grace.isZero() || grace.isNegative()) {
            services.release();
            return;
        }
        Thread thread = new Thread(() -> keep(services, bundles, grace), "relive-hvr-reload-hold");
        thread.setDaemon(true);
        thread.start();
    }

    private static void keep(HeldServices services, Set<Bundle> bundles, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        int settled = 0;
        try {
            while (settled < SETTLED_CHECKS && System.nanoTime() < deadline) {
                settled = services.allUsedBy(bundles) ? settled + 1 : 0;
                Thread.sleep(CHECK_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            services.release();
        }
    }
}
