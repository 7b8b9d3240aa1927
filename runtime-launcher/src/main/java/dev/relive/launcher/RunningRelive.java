package dev.relive.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;

/** A running Relive: the framework, its bundles, the console, and a clean stop on SIGTERM or {@code stop 0}. */
final class RunningRelive {

    private final LaunchOptions options;

    RunningRelive(LaunchOptions options) {
        this.options = options;
    }

    int run() throws Exception {
        long started = System.nanoTime();
        Files.createDirectories(options.deploy());
        Path tmp = Files.createTempDirectory("relive-");
        Framework framework = FelixFramework.create(
                FelixFramework.properties(options, tmp.resolve("felix"), FelixFramework.goshHome(tmp)));
        framework.getBundleContext().addBundleListener(new DeployLog(options.deploy()));
        framework.getBundleContext().addFrameworkListener(DeployLog::frameworkEvent);
        List<Bundle> bundles = FelixFramework.install(framework, FelixFramework.bundleSets(options));
        framework.start();
        for (Bundle b : bundles) {
            startQuietly(b);
        }
        Thread hook = new Thread(() -> stop(framework), "relive-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        ReadyProbe.await(framework.getBundleContext(), started, options);
        DeployCheck.start(options.deploy());
        ConsoleBridge.startIfHeadless(framework.getBundleContext());

        FrameworkEvent end = framework.waitForStop(0);
        Storage.delete(tmp);
        if (end.getType() == FrameworkEvent.ERROR) {
            System.err.println("relive: stopped with an error: " + end.getThrowable());
            return 1;
        }
        return 0;
    }

    private static void startQuietly(Bundle bundle) {
        if (bundle.getHeaders().get("Fragment-Host") != null) {
            return;
        }
        try {
            bundle.start();
        } catch (BundleException e) {
            System.err.println("relive: cannot start " + bundle.getSymbolicName() + ": " + e.getMessage());
        }
    }

    private static void stop(Framework framework) {
        try {
            if ((framework.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0) {
                framework.stop();
            }
            framework.waitForStop(TimeUnit.SECONDS.toMillis(4));
        } catch (BundleException | InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
