package dev.relive.hvr.internal;

import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.condition.Condition;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Waits until the launch is {@code ready}: the Relive launcher registers the condition {@code relive.ready} once a
 * page answered. HVR's warm-up (the compiler reading the JDK's module image, bnd, the builds saves start from) waits
 * for it so as not to compete with the launch for the cores; the watcher runs from the start, and a save seen
 * meanwhile waits for the warm-up's tools as before. Without the launcher (the framework property
 * {@code relive.launcher} not set) nothing is waited for; with it, at most {@link #MAX_WAIT_SECONDS} seconds.
 */
final class LaunchReady {

    static final long MAX_WAIT_SECONDS = 30;
    private static final String FILTER = "(&(objectClass=" + Condition.class.getName() + ")("
            + Condition.CONDITION_ID + "=relive.ready))";

    private LaunchReady() {
    }

    /** Returns once the launch is ready, or at once without the launcher; throws when interrupted (HVR stopping). */
    static void await(BundleContext context) throws InterruptedException {
        if (context.getProperty(OutOfDateBundles.LAUNCHER_PROPERTY) == null) {
            return;
        }
        ServiceTracker<Condition, Condition> ready;
        try {
            ready = new ServiceTracker<>(context, FrameworkUtil.createFilter(FILTER), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        ready.open();
        try {
            ready.waitForService(TimeUnit.SECONDS.toMillis(MAX_WAIT_SECONDS));
        } finally {
            ready.close();
        }
    }
}
