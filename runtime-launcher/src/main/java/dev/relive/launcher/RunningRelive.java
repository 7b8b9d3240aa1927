package dev.relive.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;

/** A running Relive: the framework, its bundles, the console, and a clean stop on SIGTERM or {@code stop 0}. */
final class RunningRelive {

    private final LaunchOptions options;
    private final StartupProfile profile;

    RunningRelive(LaunchOptions options, StartupProfile profile) {
        this.options = options;
        this.profile = profile;
    }

    int run() throws Exception {
        long started = System.nanoTime();
        String portProblem = PortCheck.problem(options.host(), options.port());
        if (portProblem != null) {
            System.err.println("relive: cannot listen on " + options.host() + ":" + options.port() + " (" + portProblem
                    + "): another Relive or another server uses it; stop it, or choose another port with --port N");
            return 1;
        }
        CompilerThreads compilers = CompilerThreads.niceInBackground(options.jitNice(), options.jitNiceUntilReady());
        // the process's own streams, before the console bundles install theirs in System.out and System.err
        PrintStream out = System.out;
        PrintStream err = System.err;
        boolean deployEmpty = BundleCache.isEmpty(options.deploy());
        Files.createDirectories(options.deploy());
        List<EmbeddedBundles.Entry> embedded = FelixFramework.embedded(FelixFramework.bundleSets(options));
        try (BundleCache cache = BundleCache.open(stateDir(), options, embedded)) {
            profile.step(cache.reused() ? "bundle cache: reused" : "bundle cache: new", started);
            long initializing = System.nanoTime();
            Framework framework = open(cache, embedded);
            profile.step("framework init", initializing);
            framework.getBundleContext().addBundleListener(new DeployLog(options.deploy()));
            framework.getBundleContext().addFrameworkListener(DeployLog::frameworkEvent);
            ClassRedefinitionAgent.registerInDev(framework.getBundleContext(), options);
            if (profile.enabled()) {
                HttpUp.record(framework.getBundleContext(), profile);
            }
            long installing = System.nanoTime();
            List<Bundle> bundles = FelixFramework.install(framework, embedded, profile);
            profile.step("install " + bundles.size() + " bundles", installing);
            long starting = System.nanoTime();
            framework.start();
            profile.step("framework start", starting);
            StartSequence sequence = new StartSequence(bundles, deployEmpty, profile,
                    context -> ClusterConfiguration.write(context, options));
            String answered = sequence.startBeforeReady(framework);
            profile.step("start bundles", starting);
            // on SIGTERM the JVM halts once this hook returns, before the main thread closes the cache
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop(framework);
                Storage.delete(cache.scratch());
            }, "relive-shutdown"));

            ReadyProbe.report(answered, started, options);
            profile.moment("ready");
            compilers.restoreInBackground();
            ReadyCondition.register(framework.getBundleContext());
            cache.stamp(framework);
            sequence.startAfterReady();
            profile.step("deploy folder watched, console started", starting);
            profile.print();
            DeployCheck.start(options.deploy(), bundles.stream().map(Bundle::getSymbolicName)
                    .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
            ConsoleBridge.startIfHeadless(framework.getBundleContext(), out, err);
            Thread tidy = new Thread(Storage::deleteLeftovers, "relive-tidy-temp");
            tidy.setDaemon(true);
            tidy.start();

            FrameworkEvent end = framework.waitForStop(0);
            if (end.getType() == FrameworkEvent.ERROR) {
                System.err.println("relive: stopped with an error: " + end.getThrowable());
                return 1;
            }
            return 0;
        }
    }

    /**
     * The framework on the cache's storage, with the kept bundles of changed jars uninstalled; on a damaged storage
     * (one Felix cannot load, or that lost a bundle) says so and starts again on an empty one.
     */
    private Framework open(BundleCache cache, List<EmbeddedBundles.Entry> embedded) throws Exception {
        Map<String, String> properties = FelixFramework.properties(options, cache.storage(), cache.scratch());
        if (cache.reused()) {
            String damage;
            Framework framework = null;
            try {
                framework = FelixFramework.create(properties);
                damage = cache.prune(framework, embedded);
            } catch (BundleException | RuntimeException e) {
                damage = e.toString();
            }
            if (damage == null) {
                return framework;
            }
            System.err.println("relive: the bundle cache in " + cache.storage() + " is damaged (" + damage
                    + "): installing the bundles afresh");
            if (framework != null) {
                stop(framework);
            }
            cache.wipe();
        }
        return FelixFramework.create(properties);
    }

    /** Kept across launches: the page token key, the bundle cache. */
    static Path stateDir() {
        return Path.of(".relive").toAbsolutePath().normalize();
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
