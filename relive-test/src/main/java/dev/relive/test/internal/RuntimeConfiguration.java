package dev.relive.test.internal;

import java.lang.reflect.Method;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Configures a PID through the framework's ConfigAdmin. The test class path does not hold ConfigAdmin's API, so
 * it is called through the interface its bundle exports.
 */
final class RuntimeConfiguration {

    static final String CONFIG_ADMIN = "org.osgi.service.cm.ConfigurationAdmin";

    private RuntimeConfiguration() {
    }

    /** Sets {@code properties} on {@code pid}, waiting up to 20 s for ConfigAdmin. */
    static void apply(BundleContext context, String pid, Map<String, Object> properties) throws Exception {
        update(context, properties, (api, admin) -> api.getMethod("getConfiguration", String.class, String.class)
                .invoke(admin, pid, "?"));
    }

    /** Sets {@code properties} on the configuration {@code name} of the factory PID {@code factoryPid}. */
    static void applyFactory(BundleContext context, String factoryPid, String name, Map<String, Object> properties)
            throws Exception {
        update(context, properties, (api, admin) -> api
                .getMethod("getFactoryConfiguration", String.class, String.class, String.class)
                .invoke(admin, factoryPid, name, "?"));
    }

    private interface ConfigurationLookup {
        Object find(Class<?> api, Object admin) throws Exception;
    }

    private static void update(BundleContext context, Map<String, Object> properties, ConfigurationLookup lookup)
            throws Exception {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, CONFIG_ADMIN, null);
        tracker.open(true);
        ServiceReference<Object> ref;
        try {
            tracker.waitForService(20_000);
            ref = tracker.getServiceReference();
        } finally {
            tracker.close();
        }
        if (ref == null) {
            throw new IllegalStateException("ConfigAdmin did not start");
        }
        Class<?> api = ref.getBundle().loadClass(CONFIG_ADMIN);
        Object admin = context.getService(ref);
        try {
            Object configuration = lookup.find(api, admin);
            Method update = ref.getBundle().loadClass("org.osgi.service.cm.Configuration")
                    .getMethod("update", Dictionary.class);
            update.invoke(configuration, new Hashtable<>(properties));
        } finally {
            context.ungetService(ref);
        }
    }
}
