package dev.relive.runtime.internal.upgrade;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.relive.runtime.internal.config.RuntimeSettings;
import dev.relive.runtime.internal.registry.ViewRegistry;
import dev.relive.runtime.internal.registry.ViewRegistryListener;
import dev.relive.runtime.internal.registry.ViewType;
import dev.relive.runtime.internal.session.Sessions;
import dev.relive.runtime.spi.ReloadReason;
import dev.relive.runtime.spi.SwapOutcome;
import dev.relive.runtime.spi.ViewSwap;
import dev.relive.runtime.spi.ViewSwapper;

/**
 * Carries open sessions across an update of a view bundle that Hot View Replacement did not make (a jar replaced in
 * {@code deploy/}, {@code update} in Gogo, any {@code Bundle.update}). When the first view service of a bundle goes
 * away while sessions show its views, they are held and their views' state captured, as HVR does before an update
 * (the instances are still whole while their service unregisters). When the bundle has started again and its
 * services have stayed up for a moment (a refresh right after an update stops and starts it once more), each
 * session gets new instances with its fields restored by HVR's rules; an incompatible view reloads with the reason.
 * A bundle that does not start again within {@code live_upgrade_wait_seconds}, or is uninstalled, reloads its
 * sessions with {@code view_stopped}. Listens ahead of {@code StoppedViewReload}, which then leaves the held
 * sessions alone.
 */
@Component(service = {})
public class LiveUpgrade implements ViewRegistryListener, BundleListener {

    private static final Logger LOG = LoggerFactory.getLogger(LiveUpgrade.class);
    /** How long a restarted bundle must stay started before its sessions are restored. */
    private static final long SETTLE_MS = 200;

    private final BundleContext context;
    private final ViewRegistry registry;
    private final Sessions sessions;
    private final ViewSwapper swapper;
    private final boolean enabled;
    private final long waitSeconds;
    private final Bundle system;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "relive-live-upgrade");
        t.setDaemon(true);
        return t;
    });
    /** Pending upgrades by bundle id; restores, holds and give-ups run under this map's lock, one at a time. */
    private final Map<Long, PendingUpgrade> pending = new HashMap<>();

    @Activate
    public LiveUpgrade(BundleContext context, @Reference ViewRegistry registry, @Reference Sessions sessions,
            @Reference ViewSwapper swapper, @Reference RuntimeSettings settings) {
        this.context = context;
        this.registry = registry;
        this.sessions = sessions;
        this.swapper = swapper;
        this.enabled = settings.liveUpgrade();
        this.waitSeconds = Math.max(1, settings.liveUpgradeWaitSeconds());
        this.system = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        registry.addFirstListener(this);
        context.addBundleListener(this);
    }

    @Deactivate
    void stop() {
        context.removeBundleListener(this);
        registry.removeListener(this);
        timer.shutdownNow();
        synchronized (pending) {
            pending.values().forEach(upgrade -> {
                upgrade.cancelTimers();
                upgrade.swap.close();
            });
            pending.clear();
        }
    }

    @Override
    public void viewAdded(ViewType type) {
        // the restore waits for the bundle's start, not for each service
    }

    @Override
    public void viewRemoved(ViewType type) {
        Bundle bundle = type.reference().getBundle();
        if (!enabled || bundle == null || system == null || system.getState() == Bundle.STOPPING
                || bundle.equals(context.getBundle())) {
            return;
        }
        synchronized (pending) {
            PendingUpgrade upgrade = pending.get(bundle.getBundleId());
            if (upgrade != null) {
                upgrade.cancelRestore();
                return;
            }
            if (sessions.heldShowing(bundle) || !shown(bundle)) {
                return; // Hot View Replacement is swapping these sessions itself, or nothing to carry
            }
            hold(bundle);
        }
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        long id = event.getBundle().getBundleId();
        if (event.getType() == BundleEvent.STARTED) {
            synchronized (pending) {
                PendingUpgrade upgrade = pending.get(id);
                if (upgrade != null) {
                    upgrade.cancelRestore();
                    upgrade.restore = timer.schedule(() -> restore(id, upgrade), SETTLE_MS, TimeUnit.MILLISECONDS);
                }
            }
        } else if (event.getType() == BundleEvent.UNINSTALLED) {
            timer.execute(() -> giveUp(id));
        }
    }

    private void hold(Bundle bundle) {
        ViewSwap swap;
        try {
            swap = swapper.hold(List.of(bundle));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        PendingUpgrade upgrade = new PendingUpgrade(bundle, swap);
        pending.put(bundle.getBundleId(), upgrade);
        upgrade.timeout = timer.schedule(() -> giveUp(bundle.getBundleId()), waitSeconds, TimeUnit.SECONDS);
        LOG.info("Live upgrade: {} {} went away; its sessions wait for it to start again", bundle.getSymbolicName(),
                upgrade.oldVersion);
    }

    private void restore(long id, PendingUpgrade upgrade) {
        synchronized (pending) {
            if (pending.get(id) != upgrade || upgrade.bundle.getState() != Bundle.ACTIVE) {
                return; // stopped again meanwhile: its next start schedules the restore
            }
            pending.remove(id);
            upgrade.cancelTimers();
            Set<String> classesAfter = registry.all().stream()
                    .filter(t -> upgrade.bundle.equals(t.reference().getBundle()))
                    .map(ViewType::className).collect(Collectors.toSet());
            try {
                List<SwapOutcome> outcomes = upgrade.swap.restore(classesAfter);
                outcomes.stream().filter(SwapOutcome::swapped).forEach(o -> o.session().rerender(null));
                UpgradeReport.log(upgrade, outcomes);
            } finally {
                upgrade.swap.close();
            }
        }
    }

    private void giveUp(long id) {
        synchronized (pending) {
            PendingUpgrade upgrade = pending.remove(id);
            if (upgrade == null) {
                return;
            }
            upgrade.cancelTimers();
            try {
                List<SwapOutcome> outcomes = upgrade.swap.reload(ReloadReason.of(ReloadReason.Code.VIEW_STOPPED));
                LOG.info("Live upgrade: {} did not start again; {} session(s) reload", upgrade.bundle.getSymbolicName(),
                        outcomes.size());
            } finally {
                upgrade.swap.close();
            }
        }
    }

    /** Whether a session shows a view of {@code bundle}. */
    private boolean shown(Bundle bundle) {
        return sessions.sessions().stream().flatMap(s -> s.slots().stream())
                .anyMatch(slot -> bundle.equals(FrameworkUtil.getBundle(slot.view().getClass())));
    }
}
