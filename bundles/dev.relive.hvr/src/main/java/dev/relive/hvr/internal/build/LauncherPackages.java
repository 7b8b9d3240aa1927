package dev.relive.hvr.internal.build;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists the class files of a package that lives on the launcher's class path (packages the system bundle exports,
 * such as {@code org.osgi.framework}), found through a class loader's resource URLs of the package folder, or, for
 * jars without folder entries, through the {@code java.class.path} entries. Listings are cached: the launcher's
 * class path does not change while it runs. When a package is split over several class path entries, the first
 * entry's copy of a class wins, as in class loading.
 */
final class LauncherPackages {

    private final ClassLoader loader;
    private final Map<String, List<UrlClassFile>> cache = new ConcurrentHashMap<>();

    LauncherPackages(ClassLoader loader) {
        this.loader = loader;
    }

    List<UrlClassFile> classes(String packageName) {
        return cache.computeIfAbsent(packageName, this::list);
    }

    private List<UrlClassFile> list(String packageName) {
        String folder = packageName.replace('.', '/') + "/";
        List<UrlClassFile> files = new ArrayList<>();
        try {
            Enumeration<URL> urls = loader.getResources(folder);
            for (URL url : Collections.list(urls)) {
                addFrom(url, folder, files);
            }
            if (files.isEmpty()) {
                for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                    if (!entry.isEmpty()) {
                        addFromEntry(Paths.get(entry), folder, files);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list package " + packageName, e);
        }
        Map<String, UrlClassFile> first = new LinkedHashMap<>();
        files.forEach(f -> first.putIfAbsent(f.binaryName(), f));
        return List.copyOf(first.values());
    }

    private static void addFrom(URL folderUrl, String folder, List<UrlClassFile> files) throws IOException {
        URLConnection connection = folderUrl.openConnection();
        if (connection instanceof JarURLConnection jar) {
            addFromJar(jar.getJarFile(), jar.getJarFileURL().toString(), folder, files);
        } else if ("file".equals(folderUrl.getProtocol())) {
            addFromFolder(Paths.get(toUri(folderUrl)), folder, files);
        }
    }

    private static void addFromEntry(Path entry, String folder, List<UrlClassFile> files) throws IOException {
        if (Files.isDirectory(entry)) {
            Path dir = entry.resolve(folder);
            if (Files.isDirectory(dir)) {
                addFromFolder(dir, folder, files);
            }
        } else if (Files.isRegularFile(entry)) {
            try (JarFile jar = new JarFile(entry.toFile())) {
                addFromJar(jar, entry.toUri().toString(), folder, files);
            }
        }
    }

    private static void addFromJar(JarFile jar, String jarUrl, String folder, List<UrlClassFile> files)
            throws MalformedURLException {
        for (JarEntry entry : Collections.list(jar.entries())) {
            String name = entry.getName();
            if (isDirectClass(name, folder)) {
                files.add(new UrlClassFile("launcher", name, new URL("jar:" + jarUrl + "!/" + name)));
            }
        }
    }

    private static void addFromFolder(Path dir, String folder, List<UrlClassFile> files) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                String name = folder + child.getFileName();
                if (isDirectClass(name, folder) && Files.isRegularFile(child)) {
                    files.add(new UrlClassFile("launcher", name, child.toUri().toURL()));
                }
            }
        }
    }

    private static boolean isDirectClass(String name, String folder) {
        return name.startsWith(folder) && name.endsWith(".class") && name.indexOf('/', folder.length()) < 0;
    }

    private static URI toUri(URL url) throws IOException {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
