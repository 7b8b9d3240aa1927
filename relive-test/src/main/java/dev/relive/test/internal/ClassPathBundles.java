package dev.relive.test.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Manifest;

/**
 * The bundles of the Relive runtime (the launcher's core set, without the console and the deploy folder) found on
 * the test class path, as jars or, inside a reactor build, as {@code target/classes} folders with a manifest.
 */
public final class ClassPathBundles {

    /** Bundle symbolic names of the runtime, in install order. */
    static final List<String> RUNTIME = List.of(
            "org.osgi.util.function", "org.osgi.util.promise", "org.osgi.service.component", "org.osgi.service.log",
            "org.apache.felix.scr", "org.apache.felix.configadmin", "org.apache.felix.metatype",
            "org.apache.felix.http.servlet-api", "org.apache.felix.http.jetty12",
            "org.apache.commons.commons-io", "org.apache.commons.commons-fileupload",
            "com.fasterxml.jackson.core.jackson-annotations", "com.fasterxml.jackson.core.jackson-core",
            "com.fasterxml.jackson.core.jackson-databind", "org.unbescape", "io.pebbletemplates.pebble", "org.jsoup",
            "dev.relive.api", "dev.relive.runtime");

    private ClassPathBundles() {
    }

    /** The runtime's bundle locations, in install order; fails naming what is missing from the class path. */
    public static List<Path> runtime() {
        Map<String, Path> found = bundlesOnClassPath(Set.copyOf(RUNTIME));
        List<String> missing = RUNTIME.stream().filter(bsn -> !found.containsKey(bsn)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not on the test class path: " + missing
                    + " (a test dependency on dev.relive:relive-test brings them)");
        }
        return RUNTIME.stream().map(found::get).toList();
    }

    /** The bundles of the given symbolic names on the test class path; fails naming what is missing. */
    public static List<Path> named(List<String> names) {
        Map<String, Path> found = bundlesOnClassPath(Set.copyOf(names));
        List<String> missing = names.stream().filter(bsn -> !found.containsKey(bsn)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no bundle on the test class path named " + missing);
        }
        return names.stream().map(found::get).toList();
    }

    /** The symbolic name of the bundle at {@code location} (a jar or a folder), if it is one. */
    public static Optional<String> symbolicName(Path location) {
        return manifest(location).map(m -> m.getMainAttributes().getValue("Bundle-SymbolicName"))
                .map(bsn -> bsn.split(";", 2)[0].strip());
    }

    /** The symbolic names of the bundles on the test class path whose {@code Export-Package} lists {@code pkg}. */
    public static List<String> exporting(String pkg) {
        List<String> names = new ArrayList<>();
        for (Path entry : classPathEntries()) {
            manifest(entry).ifPresent(m -> {
                String bsn = m.getMainAttributes().getValue("Bundle-SymbolicName");
                String exports = m.getMainAttributes().getValue("Export-Package");
                if (bsn != null && exports != null && exportedPackages(exports).contains(pkg)) {
                    names.add(bsn.split(";", 2)[0].strip());
                }
            });
        }
        return names.stream().distinct().toList();
    }

    /** The package names an {@code Export-Package} header lists (its clauses' names, not their attributes). */
    static Set<String> exportedPackages(String header) {
        Set<String> names = new java.util.LinkedHashSet<>();
        boolean quoted = false;
        int from = 0;
        for (int i = 0; i <= header.length(); i++) {
            char c = i < header.length() ? header.charAt(i) : ',';
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == ',' || c == ';')) {
                String part = header.substring(from, i).strip();
                if (!part.isEmpty() && !part.contains("=") && !part.contains("\"")) {
                    names.add(part);
                }
                from = i + 1;
            }
        }
        return names;
    }

    private static Optional<Manifest> manifest(Path location) {
        try {
            if (Files.isDirectory(location)) {
                Path file = location.resolve("META-INF/MANIFEST.MF");
                if (!Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                try (InputStream in = Files.newInputStream(file)) {
                    return Optional.of(new Manifest(in));
                }
            }
            try (var jar = new java.util.jar.JarFile(location.toFile())) {
                return Optional.ofNullable(jar.getManifest());
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Path> bundlesOnClassPath(Set<String> wanted) {
        Map<String, Path> found = new LinkedHashMap<>();
        for (Path entry : classPathEntries()) {
            symbolicName(entry).filter(wanted::contains).ifPresent(bsn -> found.putIfAbsent(bsn, entry));
        }
        return found;
    }

    /** Every jar and folder that holds a manifest, through the class loader (surefire may hide the class path). */
    private static List<Path> classPathEntries() {
        List<Path> entries = new ArrayList<>();
        try {
            ClassLoader loader = ClassPathBundles.class.getClassLoader();
            for (URL url : Collections.list(loader.getResources("META-INF/MANIFEST.MF"))) {
                location(url).ifPresent(entries::add);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the class path", e);
        }
        return entries;
    }

    private static Optional<Path> location(URL manifest) {
        try {
            String s = manifest.toString();
            String suffix = "META-INF/MANIFEST.MF";
            if (s.startsWith("jar:file:")) {
                return Optional.of(Path.of(new java.net.URI(s.substring(4, s.indexOf("!/")))));
            }
            if (s.startsWith("file:") && s.endsWith(suffix)) {
                return Optional.of(Path.of(new java.net.URI(s.substring(0, s.length() - suffix.length()))));
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // not a file location: not a bundle we can install
        }
        return Optional.empty();
    }
}
