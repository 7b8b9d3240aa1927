package dev.relive.test.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

/**
 * An Apache Felix in this JVM with the runtime's bundles and the bundles under test, serving HTTP on a free
 * loopback port. A jar is copied into the framework's storage as it is installed, so a build that rewrites it
 * meanwhile (an {@code mvn install} into the local repository) does not change the classes of a running test; a
 * folder such as {@code target/classes} is installed by reference.
 */
public final class EmbeddedRuntime implements AutoCloseable {

    private static final String HTTP_RUNTIME = "(&(objectClass=org.osgi.service.servlet.runtime.HttpServiceRuntime)"
            + "(osgi.http.endpoint=*))";
    /** SLF4J comes from the class path, as in the launcher; 2.x is also exported as 1.7 for older importers. */
    private static final String SYSTEM_PACKAGES_EXTRA = String.join(",",
            "org.slf4j;version=2.0.20", "org.slf4j.event;version=2.0.20", "org.slf4j.helpers;version=2.0.20",
            "org.slf4j.spi;version=2.0.20", "org.slf4j;version=1.7.36", "org.slf4j.event;version=1.7.36",
            "org.slf4j.helpers;version=1.7.36", "org.slf4j.spi;version=1.7.36");

    /** A test sends events and signs in faster than a person: the rate limits must not refuse them. */
    private static final Map<String, Object> RUNTIME_CONFIG = Map.of("events_per_second", 1_000_000,
            "login_attempts_per_minute", 1_000_000);

    private final Framework framework;
    private final Path storage;
    private final URI baseUrl;

    private EmbeddedRuntime(Framework framework, Path storage, URI baseUrl) {
        this.framework = framework;
        this.storage = storage;
        this.baseUrl = baseUrl;
    }

    /** Starts the framework, installs and starts the runtime and {@code bundles}, and waits for HTTP. */
    public static EmbeddedRuntime start(List<Path> bundles, boolean dev) throws Exception {
        quietLogging();
        Path storage = Files.createTempDirectory("relive-test-");
        Framework framework = new FrameworkFactory().newFramework(properties(storage, dev));
        try {
            framework.init();
            List<Bundle> installed = new ArrayList<>();
            for (Path location : concat(ClassPathBundles.runtime(), bundles)) {
                installed.add(install(framework.getBundleContext(), location));
            }
            framework.start();
            for (Bundle bundle : installed) {
                if ("dev.relive.runtime".equals(bundle.getSymbolicName())) {
                    RuntimeConfiguration.apply(framework.getBundleContext(), "dev.relive.runtime", RUNTIME_CONFIG);
                }
                if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                    bundle.start();
                }
            }
            return new EmbeddedRuntime(framework, storage, awaitHttp(framework));
        } catch (Exception | Error e) {
            stop(framework);
            delete(storage);
            throw e;
        }
    }

    /**
     * Jetty, Pebble and the runtime log through SLF4J's simple logger: warnings only, unless the test run sets a
     * level. Read once, when the first logger is made, so the harness's entry points call this first.
     */
    public static void quietLogging() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** Adds or replaces a user of the login form; returns once the runtime knows the user. */
    public void addUser(String name, String password, List<String> roles) throws Exception {
        UserConfiguration.add(framework.getBundleContext(), name, password, roles);
    }

    /** The symbolic names of the installed bundles that are not active (a fragment is never active). */
    public List<String> inactiveBundles() {
        List<String> names = new ArrayList<>();
        for (Bundle b : framework.getBundleContext().getBundles()) {
            if (b.getState() != Bundle.ACTIVE && b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                names.add(b.getSymbolicName());
            }
        }
        return names;
    }

    @Override
    public void close() {
        stop(framework);
        delete(storage);
    }

    private static Map<String, String> properties(Path storage, boolean dev) {
        Map<String, String> p = new HashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, storage.resolve("felix").toString());
        p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        p.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SYSTEM_PACKAGES_EXTRA);
        p.put(Constants.FRAMEWORK_BOOTDELEGATION, "sun.*,com.sun.*,jdk.internal.*");
        p.put("felix.log.level", "1");
        p.put("org.osgi.service.http.port", "0");
        p.put("org.osgi.service.http.host", "127.0.0.1");
        p.put("org.apache.felix.http.host", "127.0.0.1");
        p.put("org.apache.felix.jetty.websocket.enable", "true");
        p.put("org.apache.felix.http.jetty.sendServerHeader", "false");
        p.put("relive.dev", Boolean.toString(dev));
        p.put("relive.state", storage.resolve("state").toString());
        return p;
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        return Stream.concat(a.stream(), b.stream()).distinct().toList();
    }

    private static Bundle install(BundleContext context, Path location) throws BundleException, IOException {
        Path path = location.toAbsolutePath().normalize();
        if (Files.isDirectory(path)) {
            return context.installBundle("reference:" + path.toUri());
        }
        try (InputStream jar = Files.newInputStream(path)) {
            return context.installBundle(path.toUri().toString(), jar);
        }
    }

    private static URI awaitHttp(Framework framework) throws Exception {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(framework.getBundleContext(),
                framework.getBundleContext().createFilter(HTTP_RUNTIME), null);
        tracker.open(true);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                ServiceReference<Object> ref = tracker.getServiceReference();
                if (ref != null) {
                    Object endpoint = ref.getProperty("osgi.http.endpoint");
                    Object first = endpoint instanceof String[] all && all.length > 0 ? all[0]
                            : endpoint instanceof Iterable<?> it ? it.iterator().next() : endpoint;
                    String url = String.valueOf(first);
                    return URI.create(url.endsWith("/") ? url : url + "/");
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("HTTP did not come up within 60 s");
        } finally {
            tracker.close();
        }
    }

    private static void stop(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(TimeUnit.SECONDS.toMillis(10));
        } catch (BundleException e) {
            // stopping anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind
        }
    }
}
