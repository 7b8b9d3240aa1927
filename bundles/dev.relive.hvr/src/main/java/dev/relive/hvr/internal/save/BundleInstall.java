package dev.relive.hvr.internal.save;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The install stage: {@code Bundle.update} with the new jar, then a refresh of the bundles wired to it. */
final class BundleInstall {

    private static final Logger LOG = LoggerFactory.getLogger("dev.relive.hvr");
    private static final long REFRESH_WAIT_SECONDS = 10;

    private final BundleContext context;

    BundleInstall(BundleContext context) {
        this.context = context;
    }

    /**
     * How an install went.
     *
     * @param failure {@code null}, or why the new code cannot run
     * @param updateTime {@code Bundle.update}, with SCR's restart of the bundle's components
     * @param refreshTime the refresh of the dependents, {@code null} when there were none
     * @param updateSteps the steps of {@code updateTime} (see {@link UpdateSteps})
     */
    record Outcome(String failure, Duration updateTime, Duration refreshTime, Map<String, Duration> updateSteps) {
    }

    /** The installed bundle of that symbolic name, or {@code null}. */
    Bundle installed(String bundleSymbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (bundleSymbolicName.equals(bundle.getSymbolicName()) && bundle.getState() != Bundle.UNINSTALLED) {
                return bundle;
            }
        }
        return null;
    }

    /** The bundle and every bundle wired to it, directly or not: those whose views a swap of it concerns. */
    Set<Bundle> withDependents(Bundle bundle) {
        Collection<Bundle> closure = wiring().getDependencyClosure(List.of(bundle));
        Set<Bundle> bundles = new HashSet<>(closure);
        bundles.add(bundle);
        return bundles;
    }

    /**
     * Updates the bundle and, when others are wired to it, refreshes it. A bundle that cannot start is not
     * refreshed, so its old revision stays usable by the live sessions.
     */
    Outcome install(Bundle bundle, byte[] jar, boolean hasDependents) throws InterruptedException {
        long started = System.nanoTime();
        Duration update = null;
        Map<String, Duration> steps = Map.of();
        try (UpdateSteps timed = UpdateSteps.start(context, bundle)) {
            bundle.update(new ByteArrayInputStream(jar));
            if (bundle.getState() != Bundle.ACTIVE) {
                bundle.start();
            }
            update = Duration.ofNanos(System.nanoTime() - started);
            steps = timed.steps();
            Duration refresh = null;
            if (hasDependents) {
                // bundles wired to the old revision move to the new one; without dependents Felix drops the old
                // revision by itself, and a refresh would only restart the bundle a second time
                long refreshStarted = System.nanoTime();
                refresh(bundle);
                if (bundle.getState() != Bundle.ACTIVE) {
                    bundle.start();
                }
                refresh = Duration.ofNanos(System.nanoTime() - refreshStarted);
            }
            LOG.info("HVR: {} updated to {}", bundle.getSymbolicName(), bundle.getVersion());
            return new Outcome(null, update, refresh, steps);
        } catch (BundleException e) {
            Duration took = update != null ? update : Duration.ofNanos(System.nanoTime() - started);
            return new Outcome(e.getMessage(), took, null, steps);
        }
    }

    private void refresh(Bundle bundle) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        wiring().refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        if (!done.await(REFRESH_WAIT_SECONDS, TimeUnit.SECONDS)) {
            LOG.warn("HVR: refresh of {} did not finish within {} s", bundle.getSymbolicName(), REFRESH_WAIT_SECONDS);
        }
    }

    private FrameworkWiring wiring() {
        return context.getBundle(0).adapt(FrameworkWiring.class);
    }
}
