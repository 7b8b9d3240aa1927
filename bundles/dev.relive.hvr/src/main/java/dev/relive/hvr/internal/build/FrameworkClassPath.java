package dev.relive.hvr.internal.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import javax.tools.JavaFileManager;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;

import aQute.bnd.osgi.EmbeddedResource;
import aQute.bnd.osgi.Jar;

/**
 * The class path of the running framework: every package some resolved bundle exports now (the highest version
 * when several do), read from the bundles' wirings rather than from jar files, since bundles may have been
 * installed from streams. Packages of the system bundle are read from the launcher's class path, except those of
 * the JDK, which javac takes from its own platform classes. Extra jars (compile-only annotation jars) are added.
 *
 * <p>Threading: safe for concurrent use; each compile takes a fresh view of the exports, so bundle updates are seen.
 */
public final class FrameworkClassPath implements ClassPath {

    private final BundleContext context;
    private final List<Path> extraJars;
    private final Set<String> jdkPackages;
    private final Map<BundleWiring, Map<String, List<UrlClassFile>>> listings =
            Collections.synchronizedMap(new WeakHashMap<>());
    /** The last exports per excluded bundle, with the key they were computed for; guarded by itself. */
    private final Map<String, CachedExports> exportsCache = new HashMap<>();
    /** bnd's jars by exporting bundle or extra jar; guarded by itself. */
    private final Map<String, AnalysisJar> analysisJars = new HashMap<>();
    private volatile LauncherPackages launcherPackages;

    /**
     * @param context any bundle's context (the hvr bundle's); used to list bundles and read the system bundle
     * @param extraJars jars added to the class path, e.g. {@link CompileLibraries#jars()}
     */
    public FrameworkClassPath(BundleContext context, List<Path> extraJars) {
        this.context = context;
        this.extraJars = List.copyOf(extraJars);
        this.jdkPackages = ModuleLayer.boot().modules().stream()
                .flatMap(m -> m.getPackages().stream()).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public JavaFileManager fileManager(StandardJavaFileManager standard, String bundleSymbolicName,
            Set<String> ownPackages) throws IOException {
        standard.setLocationFromPaths(StandardLocation.CLASS_PATH, extraJars);
        return new FrameworkFileManager(standard, cachedExports(bundleSymbolicName, ownPackages), this::classes);
    }

    @Override
    public List<Jar> analysisJars(Set<String> referencedPackages, String bundleSymbolicName) throws IOException {
        Map<String, Export> exports = exports(bundleSymbolicName, Set.of());
        Map<Bundle, List<Export>> byBundle = new LinkedHashMap<>();
        for (String pkg : referencedPackages) {
            Export export = exports.get(pkg);
            if (export != null) {
                byBundle.computeIfAbsent(export.wiring().getBundle(), b -> new ArrayList<>()).add(export);
            }
        }
        List<Jar> jars = new ArrayList<>();
        synchronized (analysisJars) {
            for (Map.Entry<Bundle, List<Export>> entry : byBundle.entrySet()) {
                jars.add(AnalysisJars.copyOf(exporterJar(entry.getKey(), entry.getValue())));
            }
            for (Path extra : extraJars) {
                jars.add(AnalysisJars.copyOf(extraJar(extra)));
            }
        }
        return jars;
    }

    @Override
    public String stamp(String bundleSymbolicName) {
        StringBuilder stamp = new StringBuilder();
        for (Bundle bundle : context.getBundles()) {
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            // bundles exporting nothing (views) cannot change what others compile against
            if (wiring != null && !bundleSymbolicName.equals(bundle.getSymbolicName())
                    && !wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE).isEmpty()) {
                stamp.append(bundle.getBundleId()).append(':').append(bundle.getLastModified()).append(':')
                        .append(System.identityHashCode(wiring)).append(';');
            }
        }
        return stamp.toString();
    }

    /** {@link #exports}, computed again only when the {@link #stamp} or the arguments changed. */
    private Map<String, Export> cachedExports(String excludedBundle, Set<String> excludedPackages) {
        String key = excludedBundle + "|" + excludedPackages + "|" + stamp(excludedBundle);
        synchronized (exportsCache) {
            CachedExports known = exportsCache.get(excludedBundle);
            if (known != null && key.equals(known.key())) {
                return known.exports();
            }
        }
        Map<String, Export> exports = Map.copyOf(exports(excludedBundle, excludedPackages));
        synchronized (exportsCache) {
            exportsCache.put(excludedBundle, new CachedExports(key, exports));
        }
        return exports;
    }

    /** The package exports visible now, by package name, without the given bundle's and packages. */
    Map<String, Export> exports(String excludedBundle, Set<String> excludedPackages) {
        Map<String, Export> exports = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            if (wiring == null || excludedBundle.equals(bundle.getSymbolicName())) {
                continue;
            }
            for (BundleCapability capability : wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                Map<String, Object> attributes = capability.getAttributes();
                String pkg = (String) attributes.get(PackageNamespace.PACKAGE_NAMESPACE);
                if (excludedPackages.contains(pkg) || bundle.getBundleId() == 0 && jdkPackages.contains(pkg)) {
                    continue;
                }
                Object v = attributes.get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE);
                Export candidate = new Export(pkg, v instanceof Version version ? version : Version.emptyVersion,
                        wiring);
                exports.merge(pkg, candidate, Export::preferred);
            }
        }
        return exports;
    }

    List<UrlClassFile> classes(Export export) {
        Bundle bundle = export.wiring().getBundle();
        if (bundle.getBundleId() == 0) {
            return launcherPackages(export.wiring()).classes(export.packageName());
        }
        return listings.computeIfAbsent(export.wiring(), w -> new ConcurrentHashMap<>())
                .computeIfAbsent(export.packageName(), pkg -> listBundle(export.wiring(), pkg));
    }

    private static List<UrlClassFile> listBundle(BundleWiring wiring, String pkg) {
        Collection<String> names = wiring.listResources("/" + pkg.replace('.', '/'), "*.class",
                BundleWiring.LISTRESOURCES_LOCAL);
        ClassLoader loader = wiring.getClassLoader();
        if (names == null || loader == null) {
            return List.of(); // the wiring went out of use (bundle updated or refreshed meanwhile)
        }
        String origin = "bundle" + wiring.getBundle().getBundleId();
        List<UrlClassFile> files = new ArrayList<>(names.size());
        for (String name : names) {
            String resource = name.startsWith("/") ? name.substring(1) : name;
            URL url = loader.getResource(resource);
            if (url != null) {
                files.add(new UrlClassFile(origin, resource, url));
            }
        }
        return List.copyOf(files);
    }

    private LauncherPackages launcherPackages(BundleWiring systemWiring) {
        LauncherPackages packages = launcherPackages;
        if (packages == null) {
            ClassLoader loader = systemWiring.getClassLoader();
            if (loader == null) {
                loader = systemWiring.getBundle().getClass().getClassLoader();
            }
            packages = new LauncherPackages(loader);
            launcherPackages = packages;
        }
        return packages;
    }

    /** The exporter's jar for bnd, made again only when the bundle was rewired or other packages are asked for. */
    private Jar exporterJar(Bundle bundle, List<Export> exports) throws IOException {
        String key = "bundle" + bundle.getBundleId();
        AnalysisJar known = analysisJars.get(key);
        if (known != null && known.owner() == exports.get(0).wiring() && known.contents().equals(exports)) {
            return known.jar();
        }
        Jar jar = newExporterJar(bundle, exports);
        AnalysisJar old = analysisJars.put(key, new AnalysisJar(exports.get(0).wiring(), List.copyOf(exports), jar));
        if (old != null) {
            old.jar().close();
        }
        return jar;
    }

    private Jar extraJar(Path file) throws IOException {
        String key = file.toString();
        Long stamp = Folders.stamp(file);
        AnalysisJar known = analysisJars.get(key);
        if (known != null && known.owner().equals(stamp)) {
            return known.jar();
        }
        Jar jar = AnalysisJars.inMemory(file.toFile());
        AnalysisJar old = analysisJars.put(key, new AnalysisJar(stamp, List.of(), jar));
        if (old != null) {
            old.jar().close();
        }
        return jar;
    }

    private Jar newExporterJar(Bundle bundle, List<Export> exports) throws IOException {
        Jar jar = new Jar(bundle.getSymbolicName());
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, bundle.getSymbolicName());
        main.putValue(Constants.EXPORT_PACKAGE, exports.stream()
                .map(e -> e.packageName() + ";version=\"" + e.version() + "\"").collect(Collectors.joining(",")));
        jar.setManifest(manifest);
        for (Export export : exports) {
            for (UrlClassFile file : classes(export)) {
                try (InputStream in = file.openInputStream()) {
                    jar.putResource(file.binaryName().replace('.', '/') + ".class",
                            new EmbeddedResource(in.readAllBytes(), 0));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file.toUri(), e);
                }
            }
        }
        return jar;
    }

    private record CachedExports(String key, Map<String, Export> exports) {
    }

    /** A jar handed to bnd, kept while {@code owner} (a wiring, or a file stamp) and {@code contents} hold. */
    private record AnalysisJar(Object owner, List<Export> contents, Jar jar) {
    }

    /** A package export: the exporting wiring and the exported version. */
    record Export(String packageName, Version version, BundleWiring wiring) {

        static Export preferred(Export a, Export b) {
            int byVersion = a.version.compareTo(b.version);
            if (byVersion != 0) {
                return byVersion > 0 ? a : b;
            }
            return a.wiring.getBundle().getBundleId() <= b.wiring.getBundle().getBundleId() ? a : b;
        }
    }
}
