package dev.relive.runtime.internal.session;

import java.util.Collection;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.relive.runtime.internal.registry.ViewRegistryListener;
import dev.relive.runtime.internal.registry.ViewType;
import dev.relive.runtime.spi.ReloadReason;

/**
 * When a view's service goes away (its bundle stopped, updated through {@code deploy/} or uninstalled), every session
 * showing an instance of it reloads with reason {@code view_stopped}, so the page comes back with the code installed
 * now (or a 404). Sessions held at that moment are left alone: Hot View Replacement holds the sessions whose views it
 * is replacing and gives them new instances itself, and a live upgrade ({@code upgrade/LiveUpgrade}, which hears of
 * the change first) holds those it will carry to the bundle's next start; so are all sessions while the framework
 * shuts down, since their browsers reconnect to the next runtime with their state. While a held session shows a
 * view of the bundle, the bundle is being swapped and none of its sessions is looked at: one that mounted an old
 * view meanwhile is swapped after the others, and a bundle of many views going away costs one look, not one per
 * view and session.
 */
final class StoppedViewReload implements ViewRegistryListener {

    private static final ReloadReason REASON = ReloadReason.of(ReloadReason.Code.VIEW_STOPPED);
    private static final Logger LOG = LoggerFactory.getLogger(StoppedViewReload.class);

    private final Collection<TabSession> sessions;
    private final Bundle system;

    StoppedViewReload(Collection<TabSession> sessions, BundleContext context) {
        this.sessions = sessions;
        this.system = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
    }

    @Override
    public void viewAdded(ViewType type) {
        // new sessions find it in the registry
    }

    @Override
    public void viewRemoved(ViewType type) {
        if (system == null || system.getState() == Bundle.STOPPING) {
            return; // the runtime is shutting down: browsers reconnect to the next one, state and all
        }
        Bundle bundle = type.reference().getBundle();
        if (bundle != null && Sessions.heldShowing(sessions, bundle)) {
            return;
        }
        int reloaded = 0;
        for (TabSession session : sessions) {
            if (!session.held() && session.shows(type.reference())) {
                session.reload(REASON);
                reloaded++;
            }
        }
        if (reloaded > 0) {
            LOG.info("{} is gone; {} session(s) reload", type.className(), reloaded);
        }
    }
}
