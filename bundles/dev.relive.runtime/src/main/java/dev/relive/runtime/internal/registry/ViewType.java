package dev.relive.runtime.internal.registry;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;

import dev.relive.api.ErrorPage;
import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;
import dev.relive.runtime.internal.route.RoutePattern;

/**
 * One registered view service: its route (or {@code null} for child-only views), its implementation class name
 * (the DS component name, which defaults to the class name) and the {@link ServiceObjects} that make instances.
 */
public record ViewType(ServiceReference<LiveView> reference, ServiceObjects<LiveView> objects,
        String route, String className) {

    static ViewType of(ServiceReference<LiveView> ref, BundleContext context) {
        Object route = ref.getProperty(LiveViewRoute.PROPERTY);
        Object name = ref.getProperty("component.name");
        return new ViewType(ref, context.getServiceObjects(ref),
                route == null ? null : route.toString(), name == null ? "" : name.toString());
    }

    /** The route as a pattern; only for routed views. */
    public RoutePattern pattern() {
        return RoutePattern.of(route);
    }

    /** The HTTP status this view is the application's error page for ({@link ErrorPage}), or 0. */
    public int errorStatus() {
        Object status = reference == null ? null : reference.getProperty(ErrorPage.PROPERTY);
        if (status instanceof Number n) {
            return n.intValue();
        }
        try {
            return status == null ? 0 : Integer.parseInt(status.toString().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The simple name of the view class, for lists and titles. */
    public String simpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Symbolic name of the bundle that provides the view. */
    /**
     * The bundle for a person telling two copies of it apart: {@code com.example.greet 1.0.0 (id 45, from
     * file:/app/deploy/greet.jar)}.
     */
    public String bundleDescription() {
        org.osgi.framework.Bundle bundle = reference.getBundle();
        return bundle == null ? "(gone)" : bundle.getSymbolicName() + " " + bundle.getVersion() + " (id "
                + bundle.getBundleId() + ", from " + bundle.getLocation() + ")";
    }

    public String bundleName() {
        return reference.getBundle() == null ? "" : reference.getBundle().getSymbolicName();
    }
}
