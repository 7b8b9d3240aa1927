package dev.relive.launcher;

import java.lang.reflect.InvocationTargetException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The configuration {@code --cluster} stands for: PID {@code dev.relive.cluster} with the member list and this
 * member's port, given to ConfigAdmin once it runs and before SCR starts, so that the cluster member starts with
 * the first activation of the components. The launcher does not see ConfigAdmin's API (it lives in a bundle), so
 * the two calls go through the interfaces that bundle exports.
 */
final class ClusterConfiguration {

    static final String PID = "dev.relive.cluster";
    private static final String ADMIN = "org.osgi.service.cm.ConfigurationAdmin";
    private static final String CONFIGURATION = "org.osgi.service.cm.Configuration";

    private ClusterConfiguration() {
    }

    static Dictionary<String, Object> properties(LaunchOptions options) {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put("members", options.clusterMembers().toArray(String[]::new));
        p.put("port", options.clusterPort());
        return p;
    }

    /** Writes the configuration; a no-op unless {@code --cluster} was given. */
    static void write(BundleContext context, LaunchOptions options) {
        if (!options.cluster()) {
            return;
        }
        ServiceReference<?> ref = context.getServiceReference(ADMIN);
        if (ref == null) {
            throw new IllegalStateException("ConfigAdmin is not running: cannot configure the cluster");
        }
        Object admin = context.getService(ref);
        try {
            Class<?> adminType = ref.getBundle().loadClass(ADMIN);
            Class<?> configurationType = ref.getBundle().loadClass(CONFIGURATION);
            Object configuration = adminType.getMethod("getConfiguration", String.class, String.class)
                    .invoke(admin, PID, "?");
            configurationType.getMethod("update", Dictionary.class).invoke(configuration, properties(options));
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("cannot configure the cluster: " + e, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot configure the cluster: " + e.getCause(), e.getCause());
        } finally {
            context.ungetService(ref);
        }
    }
}
