package dev.relive.runtime.internal.swap;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

import dev.relive.runtime.internal.config.RuntimeSettings;
import dev.relive.runtime.spi.LiveSessions;
import dev.relive.runtime.spi.ViewSwap;
import dev.relive.runtime.spi.ViewSwapper;

/** Swaps the live views of updated bundles to their new classes; see {@link ViewSwapper}. */
@Component(service = ViewSwapper.class)
public class SessionSwapper implements ViewSwapper {

    private final BundleContext context;
    private final LiveSessions sessions;
    private final ServiceComponentRuntime scr;
    private final SharedService shared;
    private final Duration reloadHold;

    @Activate
    public SessionSwapper(BundleContext context, @Reference LiveSessions sessions,
            @Reference ServiceComponentRuntime scr, @Reference RuntimeSettings settings) {
        this.context = context;
        this.reloadHold = Duration.ofSeconds(settings.hvrReloadHoldSeconds());
        this.sessions = sessions;
        this.scr = scr;
        this.shared = new SharedService(scr);
    }

    @Override
    public void warmUp() {
        SwapWarmUp.run();
    }

    @Override
    public ViewSwap hold(Collection<Bundle> bundles) throws InterruptedException {
        Set<Bundle> swapped = Set.copyOf(bundles);
        InjectedFields injectedFields = new InjectedFields(scr);
        ClassShapes shapes = new ClassShapes();
        HeldSessions held = new HeldSessions(sessions, swapped, injectedFields, shapes);
        HeldServices services = HeldServices.hold(context, swapped, shared);
        try {
            return new HeldSwap(held, services, swapped, reloadHold,
                    new SessionRestore(context, injectedFields, shapes), held.captureAll());
        } catch (InterruptedException | RuntimeException e) {
            held.releaseAll();
            services.release();
            throw e;
        }
    }
}
