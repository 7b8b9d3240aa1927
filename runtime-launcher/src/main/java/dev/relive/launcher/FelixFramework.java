package dev.relive.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

/** Creates the Felix framework with the launcher's properties and installs the embedded bundles. */
final class FelixFramework {

    /**
     * Packages of the launcher's class path that bundles import from the system bundle. SLF4J 2 is exported also as
     * 1.7, which its API is compatible with, for bundles that still import {@code [1.7,2)} (bndlib).
     */
    private static final String SYSTEM_PACKAGES_EXTRA = String.join(",",
            "org.slf4j;version=2.0.20", "org.slf4j.event;version=2.0.20", "org.slf4j.helpers;version=2.0.20",
            "org.slf4j.spi;version=2.0.20", "org.slf4j;version=1.7.36", "org.slf4j.event;version=1.7.36",
            "org.slf4j.helpers;version=1.7.36", "org.slf4j.spi;version=1.7.36");

    private FelixFramework() {
    }

    /**
     * The framework's properties; {@code storage} is either new or an intact bundle cache, {@code scratch} a folder of
     * this launch's only.
     */
    static Map<String, String> properties(LaunchOptions options, Path storage, Path scratch) throws IOException {
        Map<String, String> p = new HashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        // configurations live as long as the launch, as when every launch had a new framework storage
        p.put("felix.cm.dir", scratch.resolve("config").toString());
        p.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SYSTEM_PACKAGES_EXTRA);
        p.put(Constants.FRAMEWORK_BOOTDELEGATION, "sun.*,com.sun.*,jdk.internal.*");
        p.put("felix.log.level", "1");
        // SCR keeps the components' parsed metadata in the framework storage when it stops, and a launch on a kept
        // cache reads it instead of each bundle's component XML (per bundle id, while its last-modified time matches)
        p.put("ds.cache.metadata", "true");
        // HTTP (Felix Jetty 12) with Jetty's WebSocket support
        p.put("org.osgi.service.http.port", Integer.toString(options.port()));
        p.put("org.osgi.service.http.host", options.host());
        p.put("org.apache.felix.http.host", options.host());
        p.put("org.apache.felix.jetty.websocket.enable", "true");
        p.put("org.apache.felix.http.jetty.sendServerHeader", "false");
        // The watched folder
        p.put("felix.fileinstall.dir", options.deploy().toString());
        p.put("felix.fileinstall.poll", "100");
        // in the launch's scratch folder, which goes with the launch (FileInstall's own would stay in the temp folder)
        p.put("felix.fileinstall.tmpdir", scratch.resolve("fileinstall").toString());
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.bundles.new.start", "true");
        // warnings and errors only: the deploy log (DeployLog) says what was installed, started, updated, removed
        p.put("felix.fileinstall.log.level", "2");
        p.put("felix.fileinstall.enableConfigSave", "false");
        // Gogo: a terminal gets the interactive console; otherwise the launcher feeds commands from stdin.
        p.put("gosh.home", goshHome(scratch).toString());
        p.put("gosh.args", System.console() == null ? "--nointeractive --noshutdown" : "--noshutdown");
        // Read by Relive's bundles
        p.put("relive.dev", Boolean.toString(options.dev()));
        p.put("relive.workspace", options.workspace().toString());
        p.put("relive.deploy", options.deploy().toString());
        // what the embedded bundles were built into: HVR compares the sources' time with it
        p.put("relive.launcher", EmbeddedBundles.launcher().toString());
        // kept across restarts: the key that signs page tokens, so open pages can re-mount after a restart
        p.put("relive.state", RunningRelive.stateDir().toString());
        return p;
    }

    static Framework create(Map<String, String> properties) throws BundleException {
        Framework framework = new FrameworkFactory().newFramework(properties);
        framework.init();
        return framework;
    }

    /** The embedded bundles of these sets, in order. */
    static List<EmbeddedBundles.Entry> embedded(List<String> sets) throws IOException {
        List<EmbeddedBundles.Entry> entries = new ArrayList<>();
        for (String set : sets) {
            entries.addAll(EmbeddedBundles.list(set));
        }
        return entries;
    }

    /**
     * Installs the embedded bundles, in order, taking those a reused bundle cache already holds as they are;
     * returns them all.
     */
    static List<Bundle> install(Framework framework, List<EmbeddedBundles.Entry> entries, StartupProfile profile)
            throws IOException, BundleException {
        List<Bundle> installed = new ArrayList<>();
        for (EmbeddedBundles.Entry entry : entries) {
            String location = BundleCache.location(entry);
            Bundle cached = framework.getBundleContext().getBundle(location);
            if (cached != null) {
                installed.add(cached);
                continue;
            }
            long from = System.nanoTime();
            try (InputStream in = entry.open()) {
                installed.add(framework.getBundleContext().installBundle(location, in));
            }
            profile.step("  install " + entry.resource(), from);
        }
        return installed;
    }

    /**
     * The bundle sets of this launch. The cluster's come first, so that its services are registered by the time the
     * runtime's components bind theirs.
     */
    static List<String> bundleSets(LaunchOptions options) {
        List<String> sets = new ArrayList<>();
        if (options.cluster()) {
            sets.add("cluster");
        }
        sets.addAll(options.dev() ? List.of("core", "app", "dev") : List.of("core", "app"));
        return sets;
    }

    /** An empty Gogo home, so that the headless shell finds an empty profile. */
    private static Path goshHome(Path scratch) throws IOException {
        Path home = scratch.resolve("gosh");
        Files.createDirectories(home.resolve("etc"));
        Path profile = home.resolve("etc/gosh_profile");
        if (!Files.exists(profile)) {
            Files.writeString(profile, "");
        }
        return home;
    }
}
