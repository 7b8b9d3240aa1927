package dev.relive.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** Makes a launch's scratch folder; removes folders the launcher made: that one, a stale bundle cache. */
final class Storage {

    private static final int ATTEMPTS = 100;

    private Storage() {
    }

    /**
     * A new folder, owner-only, in the temporary folder: {@code relive-PID-N}. Not {@link Files#createTempDirectory},
     * whose random names cost the launch the seeding of a {@code SecureRandom} and a hundred classes. The name can be
     * guessed, so a folder (or link) of that name made by someone else is never taken: creating it fails, and the
     * next name is tried.
     */
    static Path newScratch() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        String prefix = "relive-" + ProcessHandle.current().pid() + "-";
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        for (int i = 0; i < ATTEMPTS; i++) {
            Path dir = tmp.resolve(prefix + Long.toString(System.nanoTime() & Long.MAX_VALUE, 36));
            try {
                return posix ? Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------"))) : Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                // taken: another name
            }
        }
        throw new IOException("no new scratch folder in " + tmp + " after " + ATTEMPTS + " names");
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // leftovers in the temp folder are harmless; the shutdown hook and the main thread may both delete it
        }
    }
}
