package dev.relive.runtime.internal.swap;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import dev.relive.api.LiveView;

/**
 * The new service of each view component once its bundle is updated, looked up once per component and swap: every
 * session showing the view gets its instance from the same service. Waits a while for a service that has not come
 * back yet. One per swap. Thread-safe.
 */
final class ReplacementServices {

    private final BundleContext context;
    private final long waitMs;
    private final Map<String, ServiceReference<LiveView>> found = new ConcurrentHashMap<>();

    ReplacementServices(BundleContext context, long waitMs) {
        this.context = context;
        this.waitMs = waitMs;
    }

    /**
     * The service of component {@code componentName} other than {@code oldServiceId}; {@code null} when none came
     * back within the wait (the class is gone) or the thread was interrupted. A service found earlier in the swap is
     * looked up again if it has gone since.
     */
    ServiceReference<LiveView> of(String componentName, long oldServiceId) {
        ServiceReference<LiveView> ref = found.get(componentName);
        if (ref != null && ref.getBundle() != null && id(ref) != oldServiceId) {
            return ref;
        }
        ref = await(componentName, oldServiceId);
        if (ref != null) {
            found.putIfAbsent(componentName, ref);
        }
        return ref;
    }

    private ServiceReference<LiveView> await(String componentName, long oldServiceId) {
        long deadline = System.nanoTime() + waitMs * 1_000_000;
        String filter = "(component.name=" + componentName.replaceAll("([\\\\*()])", "\\\\$1") + ")";
        while (true) {
            try {
                Collection<ServiceReference<LiveView>> refs = context.getServiceReferences(LiveView.class, filter);
                for (ServiceReference<LiveView> ref : refs) {
                    if (id(ref) != oldServiceId) {
                        return ref;
                    }
                }
            } catch (InvalidSyntaxException e) {
                return null;
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    private static long id(ServiceReference<?> ref) {
        return (Long) ref.getProperty(Constants.SERVICE_ID);
    }
}
