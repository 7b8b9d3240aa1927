package dev.relive.runtime.internal.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;

/**
 * Template folders that bundles share with every other bundle, by library name: a bundle declares them with the
 * manifest header {@value #HEADER}, e.g. {@code Relive-Templates: uikit=templates} (its folder {@code templates/}
 * as the library {@code uikit}), and templates anywhere refer to them as {@code @uikit/layout.peb}.
 */
public final class TemplateLibraries {

    /** The manifest header declaring a bundle's template libraries: {@code name=folder}, comma-separated. */
    public static final String HEADER = "Relive-Templates";

    /** A library: its bundle (or class loader) and the folder in it. */
    record Library(TemplateOrigin origin, String folder) {
    }

    private final Map<String, Library> byName = new ConcurrentHashMap<>();
    private final Map<Long, List<String>> namesByBundle = new ConcurrentHashMap<>();

    Library get(String name) {
        return byName.get(name);
    }

    /** Adds the libraries {@code bundle} declares, if any. */
    public void add(Bundle bundle) {
        String header = bundle.getHeaders("").get(HEADER);
        if (header == null || header.isBlank()) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (String clause : header.split(",")) {
            int eq = clause.indexOf('=');
            String name = (eq < 0 ? clause : clause.substring(0, eq)).trim();
            String folder = eq < 0 ? "" : trimSlashes(clause.substring(eq + 1).trim());
            if (!name.isEmpty()) {
                byName.put(name, new Library(TemplateOrigin.of(bundle), folder));
                names.add(name);
            }
        }
        namesByBundle.put(bundle.getBundleId(), names);
    }

    /** Removes the libraries {@code bundle} declared. */
    public void remove(Bundle bundle) {
        List<String> names = namesByBundle.remove(bundle.getBundleId());
        if (names != null) {
            names.forEach(byName::remove);
        }
    }

    /** Adds library {@code name} read through a class loader (outside OSGi). */
    void add(String name, ClassLoader loader, String folder) {
        byName.put(name, new Library(TemplateOrigin.of(loader), trimSlashes(folder)));
    }

    private static String trimSlashes(String folder) {
        String f = folder;
        while (f.startsWith("/")) {
            f = f.substring(1);
        }
        while (f.endsWith("/")) {
            f = f.substring(0, f.length() - 1);
        }
        return f;
    }
}
