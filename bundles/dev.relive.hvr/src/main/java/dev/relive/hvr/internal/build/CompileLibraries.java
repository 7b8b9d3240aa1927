package dev.relive.hvr.internal.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The compile-time-only annotation jars (OSGi bundle/versioning, DS and metatype annotations, the servlet
 * whiteboard's component property types: CLASS retention,
 * exported by no bundle at runtime) that the hvr bundle carries under {@value #FOLDER}/. They are extracted once
 * to a folder so javac and bnd can read them as files.
 */
public final class CompileLibraries {

    public static final String FOLDER = "compile-lib";

    private final List<URL> sources;
    private final Path target;
    private List<Path> jars;

    /**
     * @param sources URLs of the jars to extract
     * @param target folder to extract into (created when missing)
     */
    public CompileLibraries(List<URL> sources, Path target) {
        this.sources = List.copyOf(sources);
        this.target = target;
    }

    /**
     * The jars of the given bundle's {@value #FOLDER}/ folder, extracted into its persistent data area (or a temp
     * folder when the framework has no file system support).
     */
    public static CompileLibraries of(BundleContext context) throws IOException {
        Bundle bundle = context.getBundle();
        Enumeration<URL> entries = bundle.findEntries(FOLDER, "*.jar", false);
        List<URL> urls = entries == null ? List.of() : Collections.list(entries);
        Path data = context.getDataFile(FOLDER) == null ? Files.createTempDirectory("relive-" + FOLDER)
                : context.getDataFile(FOLDER).toPath();
        return new CompileLibraries(urls, data);
    }

    /** The extracted jar files, extracting them on the first call. */
    public synchronized List<Path> jars() {
        if (jars == null) {
            jars = extract();
        }
        return jars;
    }

    private List<Path> extract() {
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(target);
            for (URL source : sources) {
                String path = source.getPath();
                Path file = target.resolve(path.substring(path.lastIndexOf('/') + 1));
                try (InputStream in = source.openStream()) {
                    Path temp = Files.createTempFile(target, ".extract", ".tmp");
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                files.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the compile libraries to " + target, e);
        }
        return List.copyOf(files);
    }
}
