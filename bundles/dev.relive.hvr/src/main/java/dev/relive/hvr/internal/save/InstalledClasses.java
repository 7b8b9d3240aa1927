package dev.relive.hvr.internal.save;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;

import dev.relive.hvr.internal.build.ClassFingerprint;

/**
 * The classes of installed bundles by fingerprint (see {@link ClassFingerprint}), to tell which classes a new jar
 * changes. Jars this runtime installed, and bundles read once, are remembered until the bundle is updated, so the
 * next save need not read them back from the bundle.
 */
final class InstalledClasses {

    private record Prints(String stamp, Map<String, String> prints) {
    }

    private final Map<String, Prints> installed = new ConcurrentHashMap<>();

    /** Class name to fingerprint of the bundle as installed now. */
    Map<String, String> of(Bundle bundle) {
        Prints known = installed.get(bundle.getSymbolicName());
        if (known != null && known.stamp().equals(stamp(bundle))) {
            return known.prints();
        }
        Map<String, String> prints = fingerprints(bundle);
        installed.put(bundle.getSymbolicName(), new Prints(stamp(bundle), prints));
        return prints;
    }

    /** Remembers the fingerprints of the jar just installed as {@code bundle}. */
    void installed(Bundle bundle, Map<String, String> prints) {
        installed.put(bundle.getSymbolicName(), new Prints(stamp(bundle), prints));
    }

    /** Reads the bundle's classes again at the next {@link #of}. */
    void forget(Bundle bundle) {
        installed.remove(bundle.getSymbolicName());
    }

    /** Changes with every install or update of the bundle, whatever its version. */
    private static String stamp(Bundle bundle) {
        return bundle.getVersion() + "@" + bundle.getLastModified();
    }

    /**
     * Classes that exist after the update: the new jar's, and those of the dependents, which a refresh rewires but
     * does not change (read once per dependent install, so before the sessions are held).
     */
    Set<String> after(Set<Bundle> affected, Bundle updated, Map<String, String> newPrints) {
        Set<String> names = new HashSet<>(newPrints.keySet());
        for (Bundle bundle : affected) {
            if (bundle != updated) {
                names.addAll(of(bundle).keySet());
            }
        }
        return names;
    }

    /** Classes new in {@code after} or whose fingerprint differs from {@code before}. */
    static Set<String> changed(Map<String, String> before, Map<String, String> after) {
        Set<String> changed = new LinkedHashSet<>();
        after.forEach((name, print) -> {
            if (!print.equals(before.get(name))) {
                changed.add(name);
            }
        });
        return changed;
    }

    private static Map<String, String> fingerprints(Bundle bundle) {
        try {
            return ClassFingerprint.ofBundle(bundle);
        } catch (IOException e) {
            return Map.of();
        }
    }
}
