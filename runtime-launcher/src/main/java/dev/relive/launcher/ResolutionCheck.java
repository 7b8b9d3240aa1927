package dev.relive.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * {@code --check}: installs every embedded bundle (core, app, dev and cluster) into a throw-away framework and resolves
 * them. Run at build time so that a missing requirement fails the build, not a launch.
 */
final class ResolutionCheck {

    private final LaunchOptions options;

    ResolutionCheck(LaunchOptions options) {
        this.options = options;
    }

    int run() throws Exception {
        Path tmp = Files.createTempDirectory("relive-check");
        try {
            Framework framework = FelixFramework.create(FelixFramework.properties(options, tmp.resolve("felix"), tmp));
            List<Bundle> bundles = FelixFramework.install(framework,
                    FelixFramework.embedded(List.of("cluster", "core", "app", "dev")), new StartupProfile(false, 0));
            framework.start();
            framework.adapt(FrameworkWiring.class).resolveBundles(bundles);
            int failures = 0;
            for (Bundle b : bundles) {
                if (b.getState() == Bundle.INSTALLED) {
                    failures++;
                    System.err.println("relive: cannot resolve " + b.getSymbolicName() + " " + b.getVersion() + ": "
                            + reason(b));
                }
            }
            framework.stop();
            framework.waitForStop(5000);
            if (failures == 0) {
                System.out.println("relive: all " + bundles.size() + " bundles resolve");
                return 0;
            }
            return 1;
        } finally {
            Storage.delete(tmp);
        }
    }

    private static String reason(Bundle bundle) {
        try {
            bundle.start(Bundle.START_TRANSIENT);
            return "unknown";
        } catch (BundleException e) {
            return e.getMessage();
        }
    }
}
