package dev.relive.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * {@code --check}: installs the embedded bundles into a throw-away framework and resolves them, first those of a
 * production launch (core and app), then every set (with dev and cluster), so that a bundle of a production launch
 * that needs one of the dev or cluster bundles is found too. Run at build time so that a missing requirement fails
 * the build, not a launch.
 */
final class ResolutionCheck {

    /** What is checked, in order: a name for the output and the bundle sets. */
    private static final List<Map.Entry<String, List<String>>> LAUNCHES = List.of(
            Map.entry("production (core, app)", List.of("core", "app")),
            Map.entry("with dev and cluster", List.of("cluster", "core", "app", "dev")));

    private final LaunchOptions options;

    ResolutionCheck(LaunchOptions options) {
        this.options = options;
    }

    int run() throws Exception {
        for (Map.Entry<String, List<String>> launch : LAUNCHES) {
            if (check(launch.getKey(), launch.getValue()) != 0) {
                return 1;
            }
        }
        return 0;
    }

    private int check(String name, List<String> sets) throws Exception {
        Path tmp = Files.createTempDirectory("relive-check");
        try {
            Framework framework = FelixFramework.create(FelixFramework.properties(options, tmp.resolve("felix"), tmp));
            List<Bundle> bundles = FelixFramework.install(framework, FelixFramework.embedded(sets),
                    new StartupProfile(false, 0));
            framework.start();
            framework.adapt(FrameworkWiring.class).resolveBundles(bundles);
            int failures = 0;
            for (Bundle b : bundles) {
                if (b.getState() == Bundle.INSTALLED) {
                    failures++;
                    System.err.println("relive: " + name + ": cannot resolve " + b.getSymbolicName() + " "
                            + b.getVersion() + ": " + reason(b));
                }
            }
            framework.stop();
            framework.waitForStop(5000);
            if (failures == 0) {
                System.out.println("relive: " + name + ": all " + bundles.size() + " bundles resolve");
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
