package dev.relive.launcher;

import java.nio.file.Path;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.SynchronousBundleListener;

/** Logs what happens to bundles dropped into the deploy folder, and framework errors, one line each. */
final class DeployLog implements SynchronousBundleListener {

    private final String deployPath;

    DeployLog(Path deploy) {
        this.deployPath = deploy.toAbsolutePath().normalize() + "/";
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle b = event.getBundle();
        String location = b.getLocation();
        if (location == null || !location.replaceFirst("^file:/*", "/").startsWith(deployPath)) {
            return;
        }
        String what = switch (event.getType()) {
            case BundleEvent.INSTALLED -> "installed";
            case BundleEvent.STARTED -> "started";
            case BundleEvent.UPDATED -> "updated";
            case BundleEvent.UNINSTALLED -> "uninstalled";
            default -> null;
        };
        if (what != null) {
            System.out.println("relive: deploy: " + what + " " + b.getSymbolicName() + " " + b.getVersion());
        }
    }

    static void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.ERROR) {
            Bundle b = event.getBundle();
            Throwable t = event.getThrowable();
            System.err.println("relive: error in bundle " + (b == null ? "?" : b.getSymbolicName() + " [" + b.getBundleId() + "]")
                    + ": " + (t == null ? "" : t.getMessage()));
        }
    }
}
