package dev.relive.hvr.internal.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Creating and deleting build folders; telling whether a file changed. */
public final class Folders {

    private Folders() {
    }

    /** Deletes a file or a folder with everything in it; a missing path is fine. */
    public static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    /**
     * Creates {@code folder} when it is missing.
     *
     * @throws IllegalArgumentException when it exists and is not empty
     */
    public static void createEmpty(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> children = Files.list(folder)) {
                if (children.findAny().isPresent()) {
                    throw new IllegalArgumentException("output folder is not empty: " + folder);
                }
            }
        }
        Files.createDirectories(folder);
    }

    /** A value that changes when the file is rewritten (modification time and size); -1 for a missing file. */
    public static long stamp(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis() * 31 + Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * As {@link #stamp}, and for a folder a value that changes when any file in it or below is added, removed or
     * rewritten.
     */
    public static long treeStamp(Path path) {
        if (!Files.isDirectory(path)) {
            return stamp(path);
        }
        try (Stream<Path> all = Files.walk(path)) {
            long stamp = 17;
            for (Path p : (Iterable<Path>) all.sorted()::iterator) {
                stamp = stamp * 31 + p.hashCode();
                stamp = stamp * 31 + (Files.isRegularFile(p) ? stamp(p) : 0);
            }
            return stamp;
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }
}
