package dev.relive.hvr.internal;

import java.util.Set;

/**
 * Relive's own bundles: HVR neither swaps nor warms them up, as it would be replacing the code doing the replacing
 * (rebuild and restart to use a change). Every other bundle, the examples and test views included, is an
 * application bundle.
 */
public final class ReliveBundles {

    private static final Set<String> NAMES = Set.of("dev.relive.api", "dev.relive.runtime", "dev.relive.hvr",
            "dev.relive.cluster", "dev.relive.itest");

    private ReliveBundles() {
    }

    public static boolean contains(String bundleSymbolicName) {
        return NAMES.contains(bundleSymbolicName);
    }
}
