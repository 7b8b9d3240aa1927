package dev.relive.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Starts the embedded bundles in the order that gets HTTP answering soonest: Jetty's bundle (and the few it needs) is
 * resolved first and starts on a thread of its own, Jetty's start being the longest path, while the caller's thread
 * resolves and starts the rest, with ConfigAdmin before SCR so that components are activated once with their
 * configuration. A third thread sends HTTP a first request as soon as Jetty's runtime is registered, so that Jetty's
 * request path is loaded early; its answer is the one {@code ready} reports. Configuration that the
 * command line stands for is written after ConfigAdmin starts and before SCR does. The console's bundles (Gogo,
 * JLine) and MetaType start only after {@code ready}, and so does FileInstall when the deploy folder was empty at the
 * launch (nothing there for it to install or configure before the pages answer; its first scan after {@code ready}
 * finds what was dropped there meanwhile). Bundles are started transiently: each launch starts them itself, so a
 * reused bundle cache never starts anything on its own.
 */
final class StartSequence {

    private static final Set<String> HTTP = Set.of("org.apache.felix.http.jetty12");
    /** Needed by no one before {@code ready}: the console, and MetaType (read by configuration tools only). */
    private static final Set<String> AFTER_READY = Set.of("org.apache.felix.gogo.runtime",
            "org.apache.felix.gogo.command", "org.apache.felix.gogo.jline", "org.jline", "org.apache.felix.metatype");
    private static final String SCR = "org.apache.felix.scr";
    private static final String FILE_INSTALL = "org.apache.felix.fileinstall";

    private final List<Bundle> http = new ArrayList<>();
    private final List<Bundle> core = new ArrayList<>();
    private final List<Bundle> scr = new ArrayList<>();
    private final List<Bundle> deployWatch = new ArrayList<>();
    private final List<Bundle> afterReady = new ArrayList<>();
    private final List<Bundle> all;
    private final StartupProfile profile;
    private final Consumer<BundleContext> configure;

    /**
     * @param deployEmpty whether the deploy folder was empty at the launch: then FileInstall starts after
     *        {@code ready}
     * @param configure runs once ConfigAdmin is started and before SCR is
     */
    StartSequence(List<Bundle> bundles, boolean deployEmpty, StartupProfile profile,
            Consumer<BundleContext> configure) {
        this.all = bundles;
        this.profile = profile;
        this.configure = configure;
        for (Bundle b : bundles) {
            String name = b.getSymbolicName();
            if (HTTP.contains(name)) {
                http.add(b);
            } else if (AFTER_READY.contains(name)) {
                afterReady.add(b);
            } else if (deployEmpty && FILE_INSTALL.equals(name)) {
                deployWatch.add(b);
            } else if (SCR.equals(name)) {
                scr.add(b);
            } else {
                core.add(b);
            }
        }
    }

    /**
     * Resolves every bundle and starts all but the console's; returns once they are all started and HTTP answered.
     *
     * @return the HTTP endpoint that answered, or null when none did within the first request's time
     */
    String startBeforeReady(Framework framework) throws InterruptedException {
        FrameworkWiring wiring = framework.adapt(FrameworkWiring.class);
        long resolving = System.nanoTime();
        wiring.resolveBundles(http);
        profile.step("resolve HTTP", resolving);
        Thread jetty = new Thread(() -> startAll(http), "relive-start-http");
        jetty.start();
        AtomicReference<String> answered = new AtomicReference<>();
        Thread firstRequest = new Thread(() -> answered.set(ReadyProbe.firstRequest(framework.getBundleContext())),
                "relive-first-request");
        firstRequest.start();
        try {
            resolving = System.nanoTime();
            wiring.resolveBundles(all);
            profile.step("resolve", resolving);
            startAll(core);
            configure.accept(framework.getBundleContext());
            startAll(scr);
        } finally {
            jetty.join();
            firstRequest.join();
        }
        return answered.get();
    }

    /** Starts FileInstall if it waited, then the console's bundles and MetaType. */
    void startAfterReady() {
        startAll(deployWatch);
        startAll(afterReady);
    }

    private void startAll(List<Bundle> bundles) {
        for (Bundle b : bundles) {
            start(b);
        }
    }

    private void start(Bundle bundle) {
        if (bundle.getHeaders().get("Fragment-Host") != null) {
            return;
        }
        long from = System.nanoTime();
        try {
            bundle.start(Bundle.START_TRANSIENT);
        } catch (BundleException e) {
            System.err.println("relive: cannot start " + bundle.getSymbolicName() + ": " + e.getMessage());
        }
        profile.step("  start " + bundle.getSymbolicName(), from);
    }
}
