package dev.relive.hvr.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * A jar that {@code hvr:install} wrote into {@code deploy/}, awaited until the runtime's deploy folder watcher has
 * installed and started it, so that the command answers only then: a project importing the new bundle's packages,
 * built right after, compiles against them instead of failing with its imports unresolved.
 */
final class DeployedBundle {

    private static final long CHECK_MILLIS = 20;

    private DeployedBundle() {
    }

    /** Waits until a bundle installed from {@code jar} is active (resolved, for a fragment): whether it is. */
    static boolean awaitStarted(BundleContext context, Path jar, Duration timeout) throws InterruptedException {
        Path file = jar.toAbsolutePath().normalize();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Bundle bundle = installedFrom(context, file);
            if (bundle != null && (bundle.getState() == Bundle.ACTIVE
                    || bundle.getState() == Bundle.RESOLVED && bundle.getHeaders("").get("Fragment-Host") != null)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(CHECK_MILLIS);
        }
    }

    private static Bundle installedFrom(BundleContext context, Path file) {
        for (Bundle bundle : context.getBundles()) {
            Path location = OutOfDateBundles.jarFile(bundle.getLocation());
            if (location != null && location.toAbsolutePath().normalize().equals(file)) {
                return bundle;
            }
        }
        return null;
    }
}
