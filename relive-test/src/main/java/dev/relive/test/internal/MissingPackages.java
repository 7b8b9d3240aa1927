package dev.relive.test.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to do about a bundle of the test's runtime that does not resolve because a package it imports is missing: the
 * bundles on the test class path that export it, to name in {@code @ReliveTest(classPathBundles = ...)}.
 */
public final class MissingPackages {

    private static final Pattern MISSING = Pattern.compile("osgi\\.wiring\\.package=([A-Za-z_$][\\w$.]*)");

    private MissingPackages() {
    }

    /** A sentence to append to the start failure {@code e}'s message; empty when no package is missing. */
    public static String hint(Throwable e) {
        Set<String> packages = new LinkedHashSet<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = MISSING.matcher(String.valueOf(t.getMessage()));
            while (m.find()) {
                packages.add(m.group(1));
            }
        }
        StringBuilder hint = new StringBuilder();
        for (String pkg : packages) {
            List<String> exporters = ClassPathBundles.exporting(pkg);
            hint.append("\n  the package ").append(pkg).append(" is not in the test's runtime: ");
            if (exporters.isEmpty()) {
                hint.append("no bundle on the test class path exports it (add the module that does as a test "
                        + "dependency, then name its bundle in @ReliveTest(classPathBundles = ...))");
            } else {
                hint.append("name ").append(exporters.size() == 1 ? "the bundle that exports it"
                        : "one of the bundles that export it").append(" in @ReliveTest(classPathBundles = \"")
                        .append(String.join("\" or \"", exporters)).append("\"), or for every test class of the "
                        + "module in src/test/resources/relive-test.properties: classPathBundles=")
                        .append(exporters.get(0));
            }
        }
        return hint.toString();
    }
}
