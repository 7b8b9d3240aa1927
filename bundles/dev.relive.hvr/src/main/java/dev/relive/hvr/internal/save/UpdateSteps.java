package dev.relive.hvr.internal.save;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Times the steps of one {@code Bundle.update} from the bundle's own events: {@code stop} (to STOPPED: SCR
 * deactivates the components and unregisters their services), {@code revision} (to UPDATED: the new jar written to
 * the bundle cache), {@code resolve} (to RESOLVED) and {@code start} (to the end: SCR registers the components
 * again, and whatever tracks their services reacts). Listens from {@link #start} to {@link #close}.
 */
final class UpdateSteps implements SynchronousBundleListener, AutoCloseable {

    private final BundleContext context;
    private final Bundle bundle;
    private final long started = System.nanoTime();
    private final Map<Integer, Long> seen = new LinkedHashMap<>();

    private UpdateSteps(BundleContext context, Bundle bundle) {
        this.context = context;
        this.bundle = bundle;
    }

    static UpdateSteps start(BundleContext context, Bundle bundle) {
        UpdateSteps steps = new UpdateSteps(context, bundle);
        context.addBundleListener(steps);
        return steps;
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getBundle().equals(bundle)) {
            synchronized (seen) {
                seen.putIfAbsent(event.getType(), System.nanoTime());
            }
        }
    }

    /** The steps seen so far, in order, each from the end of the one before. */
    Map<String, Duration> steps() {
        long now = System.nanoTime();
        Map<String, Duration> steps = new LinkedHashMap<>();
        synchronized (seen) {
            long from = started;
            from = step(steps, "stop", from, seen.get(BundleEvent.STOPPED));
            from = step(steps, "revision", from, seen.get(BundleEvent.UPDATED));
            from = step(steps, "resolve", from, seen.get(BundleEvent.RESOLVED));
            step(steps, "start", from, now);
        }
        return steps;
    }

    private static long step(Map<String, Duration> steps, String name, long from, Long at) {
        if (at == null || at < from) {
            return from;
        }
        steps.put(name, Duration.ofNanos(at - from));
        return at;
    }

    @Override
    public void close() {
        try {
            context.removeBundleListener(this);
        } catch (IllegalStateException e) {
            // the framework is stopping
        }
    }
}
