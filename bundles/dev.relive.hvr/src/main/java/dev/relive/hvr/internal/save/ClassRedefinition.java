package dev.relive.hvr.internal.save;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.relive.hvr.internal.build.BodyOnlyEdits;

/**
 * Applies a build whose changes are all inside method bodies ({@link BodyOnlyEdits}) by redefining the running
 * classes with the JVM's instrumentation, which the dev launcher registers as a service: no bundle update, no
 * component restarted, no state captured; every instance, a thread's included, runs the new bodies from its next
 * call. Without the service (an embedded framework, or {@code redefine_bodies=false}) every build is installed. The
 * bytes of the classes redefined are kept until the bundle is updated, as the running classes to compare the next
 * build with: the bundle's own jar still holds the old ones.
 */
final class ClassRedefinition {

    private static final Logger LOG = LoggerFactory.getLogger("dev.relive.hvr");

    /**
     * The classes redefined in a bundle since its last update, for the class loader they were redefined in (a refresh
     * makes another, which loads the jar's), with the jar built with them.
     */
    private record Redefined(WeakReference<ClassLoader> loader, Map<String, byte[]> classes, byte[] jar) {

        boolean current(Bundle bundle) {
            return isLoaderOf(bundle, loader);
        }
    }

    /**
     * Class bytes the compiler made from the sources a bundle's running classes were built from (by another compiler:
     * the Maven build's javac), for the class loader they stand for: a class of a later build with the same bytes is
     * not changed by it, though its bytes differ from the running class's.
     */
    private record Baseline(WeakReference<ClassLoader> loader, Map<String, byte[]> classes) {
    }

    private final BundleContext context;
    private final Map<Long, Baseline> baselines = new ConcurrentHashMap<>();
    private volatile String lastRefusal;
    private volatile long jvmNanos;
    private final Map<Long, Redefined> redefined = new ConcurrentHashMap<>();
    private volatile boolean enabled = true;
    /** The JVM's, once found: the launcher registers it for the framework's life. */
    private volatile Instrumentation instrumentation;

    ClassRedefinition(BundleContext context) {
        this.context = context;
    }

    void enabled(boolean on) {
        this.enabled = on;
    }

    /**
     * Redefines the classes of {@code bundle} that {@code built} (class bytes by internal name) changes, when every
     * change is in method bodies; returns the binary names redefined, or {@code null} when the build must be
     * installed instead (nothing was changed then).
     *
     * @param runningPrints the fingerprints of the classes running now, by binary name
     * @param candidates the classes whose fingerprints the build changes
     */
    Set<String> redefine(Bundle bundle, Map<String, String> runningPrints, Map<String, byte[]> built,
            Set<String> candidates) {
        Instrumentation instrumentation = enabled ? instrumentation() : null;
        if (instrumentation == null) {
            lastRefusal = enabled ? "the JVM's instrumentation is not available" : "redefine_bodies is off";
            return null;
        }
        Map<String, byte[]> overlay = overlay(bundle);
        Map<String, byte[]> baseline = baseline(bundle);
        Set<String> changed = new java.util.LinkedHashSet<>();
        for (String name : candidates) {
            byte[] same = overlay.containsKey(name) ? null : baseline.get(name.replace('.', '/'));
            if (same == null || !java.util.Arrays.equals(same, built.get(name.replace('.', '/')))) {
                changed.add(name);
            }
        }
        if (changed.isEmpty()) {
            lastRefusal = "no class changed";
            return null;
        }
        candidates = changed;
        BodyOnlyEdits.Result result = BodyOnlyEdits.compare(runningPrints.keySet(),
                name -> overlay.containsKey(name) ? overlay.get(name) : entry(bundle, name), built, candidates);
        if (!result.redefinable()) {
            LOG.debug("HVR: {} is installed, not redefined: {}", bundle.getSymbolicName(), result.refusal());
            lastRefusal = result.refusal();
            return null;
        }
        ClassLoader loader = loaderOf(bundle);
        if (loader == null) {
            return null;
        }
        List<ClassDefinition> definitions = new ArrayList<>();
        try {
            for (Map.Entry<String, byte[]> change : result.classes().entrySet()) {
                Class<?> running = loader.loadClass(change.getKey());
                if (running.getClassLoader() != loader) {
                    return null; // a class of that name from elsewhere (a package it also imports)
                }
                definitions.add(new ClassDefinition(running, change.getValue()));
            }
            long started = System.nanoTime();
            instrumentation.redefineClasses(definitions.toArray(ClassDefinition[]::new));
            jvmNanos = System.nanoTime() - started;
        } catch (ClassNotFoundException | UnmodifiableClassException | LinkageError
                | UnsupportedOperationException e) {
            // all or nothing: when the JVM refuses one class, none is redefined
            LOG.info("HVR: the JVM did not redefine {} in place ({}); installing the build", bundle.getSymbolicName(),
                    e.toString());
            lastRefusal = "the JVM refused: " + e;
            return null;
        }
        Map<String, byte[]> now = new HashMap<>(overlay);
        now.putAll(result.classes());
        redefined.put(bundle.getBundleId(), new Redefined(new WeakReference<>(loader), now, null));
        return result.classes().keySet();
    }

    /** The jar packaged from the classes just redefined into {@code bundle}, which {@link #builtJar} gives. */
    void jarBuilt(Bundle bundle, byte[] jar) {
        redefined.computeIfPresent(bundle.getBundleId(),
                (id, known) -> new Redefined(known.loader(), known.classes(), jar));
    }

    /**
     * The jar of the last build redefined into {@code bundle}, when its running classes differ from its installed jar;
     * else {@code null}. A refresh of the bundle (another bundle's update) would load the jar's old classes: the
     * bundle is updated with this one first.
     */
    byte[] builtJar(Bundle bundle) {
        Redefined known = redefined.get(bundle.getBundleId());
        return known != null && known.current(bundle) ? known.jar() : null;
    }

    /**
     * Records {@code classes} (by internal name) as the compiler's output for the sources the running classes of
     * {@code bundle} were built from, by whatever compiler: builds compare with them what they changed.
     */
    void baseline(Bundle bundle, Map<String, byte[]> classes) {
        ClassLoader loader = loaderOf(bundle);
        if (loader != null) {
            baselines.put(bundle.getBundleId(), new Baseline(new WeakReference<>(loader), Map.copyOf(classes)));
        }
    }

    private Map<String, byte[]> baseline(Bundle bundle) {
        Baseline known = baselines.get(bundle.getBundleId());
        if (known == null || !isLoaderOf(bundle, known.loader())) {
            baselines.remove(bundle.getBundleId());
            return Map.of();
        }
        return known.classes();
    }

    /** Forgets what was redefined into {@code bundle}: it is being updated with a newer build. */
    void forget(Bundle bundle) {
        redefined.remove(bundle.getBundleId());
        baselines.remove(bundle.getBundleId());
    }

    /**
     * Forgets what was redefined into {@code bundle} when its running classes are no longer those (it was refreshed
     * or updated by another than a save); whether it had been.
     */
    boolean forgetIfGone(Bundle bundle) {
        Redefined known = redefined.get(bundle.getBundleId());
        return known != null && !known.current(bundle) && redefined.remove(bundle.getBundleId(), known);
    }

    /** Why the last call of {@link #redefine} returned {@code null}. */
    String lastRefusal() {
        return lastRefusal;
    }

    /** How long the JVM took to redefine the classes, in the last call that did. */
    java.time.Duration jvmTime() {
        return java.time.Duration.ofNanos(jvmNanos);
    }

    /** The classes redefined since the bundle's last update, by binary name. */
    private Map<String, byte[]> overlay(Bundle bundle) {
        Redefined known = redefined.get(bundle.getBundleId());
        if (known == null || !known.current(bundle)) {
            redefined.remove(bundle.getBundleId());
            return Map.of();
        }
        return known.classes();
    }

    private static byte[] entry(Bundle bundle, String binaryName) {
        URL url = bundle.getEntry(binaryName.replace('.', '/') + ".class");
        if (url == null) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    private Instrumentation instrumentation() {
        Instrumentation known = instrumentation;
        if (known != null) {
            return known;
        }
        try {
            ServiceReference<Instrumentation> reference = context.getServiceReference(Instrumentation.class);
            Instrumentation found = reference == null ? null : context.getService(reference);
            if (found != null) {
                context.ungetService(reference); // registered by the framework's launcher, which never goes away
            }
            instrumentation = found != null && found.isRedefineClassesSupported() ? found : null;
            return instrumentation;
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /** The class loader of the bundle's current wiring, {@code null} when it is not resolved. */
    private static ClassLoader loaderOf(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        return wiring == null ? null : wiring.getClassLoader();
    }

    /** Whether {@code loader} is still the bundle's: no refresh or update has replaced it. */
    private static boolean isLoaderOf(Bundle bundle, WeakReference<ClassLoader> loader) {
        ClassLoader current = loaderOf(bundle);
        return current != null && current == loader.get();
    }
}
