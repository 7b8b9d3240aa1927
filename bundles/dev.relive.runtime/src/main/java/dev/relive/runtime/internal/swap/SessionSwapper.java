package dev.relive.runtime.internal.swap;

import java.util.Collection;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.relive.runtime.spi.LiveSessions;
import dev.relive.runtime.spi.ViewSwap;
import dev.relive.runtime.spi.ViewSwapper;

/** Swaps the live views of updated bundles to their new classes; see {@link ViewSwapper}. */
@Component(service = ViewSwapper.class)
public class SessionSwapper implements ViewSwapper {

    private final BundleContext context;
    private final LiveSessions sessions;

    @Activate
    public SessionSwapper(BundleContext context, @Reference LiveSessions sessions) {
        this.context = context;
        this.sessions = sessions;
    }

    @Override
    public ViewSwap hold(Collection<Bundle> bundles) throws InterruptedException {
        HeldSessions held = new HeldSessions(sessions, Set.copyOf(bundles));
        try {
            return new HeldSwap(held, new SessionRestore(context), held.captureAll());
        } catch (InterruptedException | RuntimeException e) {
            held.releaseAll();
            throw e;
        }
    }
}
