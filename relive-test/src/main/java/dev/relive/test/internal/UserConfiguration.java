package dev.relive.test.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.ServiceReference;

import dev.relive.runtime.internal.auth.PasswordHash;

/**
 * Users of the runtime's login form, configured as a deployment configures them: one configuration of the factory
 * PID {@value #PID} per user, its password hashed with the fewest rounds the runtime accepts so that signing in
 * stays quick.
 */
final class UserConfiguration {

    static final String PID = "dev.relive.users";
    private static final int TEST_ITERATIONS = 10_000;
    private static final String USER_SERVICE = "dev.relive.runtime.internal.auth.ConfiguredUser";

    private UserConfiguration() {
    }

    /**
     * Adds (or replaces) the user {@code name}, and returns once the runtime's login knows the user with this
     * password: its component is registered with this configuration and bound by the runtime.
     */
    static void add(BundleContext context, String name, String password, List<String> roles) throws Exception {
        String hash = PasswordHash.of(password.toCharArray(), TEST_ITERATIONS);
        RuntimeConfiguration.applyFactory(context, PID, name, Map.of("name", name, "display_name", name,
                "roles", roles.toArray(String[]::new), "password_hash", hash));
        Filter filter = context.createFilter("(&(objectClass=" + USER_SERVICE + ")(name=" + escape(name)
                + ")(password_hash=" + hash + "))");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!bound(context, filter)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the runtime did not take the user " + name + " within 20 s");
            }
            Thread.sleep(10);
        }
    }

    private static boolean bound(BundleContext context, Filter filter) throws Exception {
        ServiceReference<?>[] refs = context.getAllServiceReferences(null, filter.toString());
        return refs != null && refs[0].getUsingBundles() != null;
    }

    private static String escape(String value) {
        return value.replaceAll("([\\\\*()])", "\\\\$1");
    }
}
