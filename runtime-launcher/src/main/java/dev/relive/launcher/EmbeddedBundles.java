package dev.relive.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The bundle jars packed into the launcher under {@code bundles/<set>/}: {@code core} (always), {@code app} (the
 * examples) and {@code dev} (only with {@code --dev}).
 */
final class EmbeddedBundles {

    /** {@code stamp} changes whenever the jar's content does (its CRC and size, or its file's size and time). */
    record Entry(String set, String name, String stamp) {
        String resource() {
            return "bundles/" + set + "/" + name;
        }

        InputStream open() throws IOException {
            InputStream in = EmbeddedBundles.class.getClassLoader().getResourceAsStream(resource());
            if (in == null) {
                throw new IOException("missing embedded bundle " + resource());
            }
            return in;
        }
    }

    private EmbeddedBundles() {
    }

    /** The launcher's jar, or its class folder when run from one. */
    static Path launcher() throws IOException {
        try {
            return Path.of(EmbeddedBundles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    static List<Entry> list(String set) throws IOException {
        Path location = launcher();
        List<Entry> entries = new ArrayList<>();
        String prefix = "bundles/" + set + "/";
        if (Files.isDirectory(location)) {
            Path dir = location.resolve(prefix);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        if (f.toString().endsWith(".jar")) {
                            entries.add(new Entry(set, f.getFileName().toString(),
                                    Files.size(f) + "@" + Files.getLastModifiedTime(f).toMillis()));
                        }
                    }
                }
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
                    String name = e.getName();
                    if (name.startsWith(prefix) && name.endsWith(".jar") && name.indexOf('/', prefix.length()) < 0) {
                        entries.add(new Entry(set, name.substring(prefix.length()),
                                Long.toHexString(e.getCrc()) + "/" + e.getSize()));
                    }
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::name));
        return entries;
    }
}
