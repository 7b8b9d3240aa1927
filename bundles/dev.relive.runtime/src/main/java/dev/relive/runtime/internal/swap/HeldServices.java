package dev.relive.runtime.internal.swap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The shared services of other bundles that the swapped bundles use, got by the runtime for the length of a
 * swap. Updating a bundle releases every service it uses; a delayed Declarative Services component whose only users
 * are the swapped views would be deactivated there, and lose its state, before the new views get it again. Holding
 * it across the swap keeps that instance alive. Threading: safe for use from several threads.
 */
final class HeldServices {

    private final BundleContext context;
    private final List<ServiceReference<?>> held = new ArrayList<>();

    private HeldServices(BundleContext context) {
        this.context = context;
    }

    /**
     * Gets every service that a bundle of {@code bundles} uses, another bundle registered, and is {@code shared}
     * (every bundle gets the same object, see {@link SharedService}).
     */
    static HeldServices hold(BundleContext context, Set<Bundle> bundles, Predicate<ServiceReference<?>> shared) {
        HeldServices services = new HeldServices(context);
        for (Bundle bundle : bundles) {
            ServiceReference<?>[] inUse = bundle.getServicesInUse();
            for (ServiceReference<?> ref : inUse == null ? new ServiceReference<?>[0] : inUse) {
                Bundle owner = ref.getBundle();
                if (owner != null && !bundles.contains(owner) && shared.test(ref) && !services.held.contains(ref)
                        && context.getService(ref) != null) {
                    services.held.add(ref);
                }
            }
        }
        return services;
    }

    /** The held references, in the order they were got. */
    synchronized List<ServiceReference<?>> references() {
        return List.copyOf(held);
    }

    synchronized void release() {
        for (ServiceReference<?> ref : held) {
            unget(ref);
        }
        held.clear();
    }

    /** Whether the bundles of {@code bundles} use every held service again (their new instances hold them). */
    synchronized boolean allUsedBy(Set<Bundle> bundles) {
        Set<ServiceReference<?>> used = new HashSet<>();
        for (Bundle bundle : bundles) {
            ServiceReference<?>[] inUse = bundle.getServicesInUse();
            if (inUse != null) {
                used.addAll(Arrays.asList(inUse));
            }
        }
        return used.containsAll(held);
    }

    private void unget(ServiceReference<?> ref) {
        try {
            context.ungetService(ref);
        } catch (IllegalStateException e) {
            // the runtime's own bundle is stopping: its uses end with it
        }
    }
}
