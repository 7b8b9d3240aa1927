package dev.relive.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Makes a launch's scratch folder; removes folders the launcher made: that one, a stale bundle cache, and the scratch
 * folders of earlier launches that ended without removing theirs (killed, crashed).
 */
final class Storage {

    private static final int ATTEMPTS = 100;
    private static final String PREFIX = "relive-";
    /** In each scratch folder, locked while its launch runs: the kernel releases the lock when the process ends. */
    private static final String LOCK = ".running";

    /** The lock on this launch's scratch folder, held until the folder is deleted or the process ends. */
    private static FileChannel held;
    private static Path heldDir;

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
        String prefix = PREFIX + ProcessHandle.current().pid() + "-";
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        for (int i = 0; i < ATTEMPTS; i++) {
            Path dir = tmp.resolve(prefix + Long.toString(System.nanoTime() & Long.MAX_VALUE, 36));
            try {
                Path made = posix ? Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------"))) : Files.createDirectory(dir);
                hold(made);
                return made;
            } catch (FileAlreadyExistsException e) {
                // taken: another name
            }
        }
        throw new IOException("no new scratch folder in " + tmp + " after " + ATTEMPTS + " names");
    }

    private static synchronized void hold(Path dir) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        if (channel.tryLock() == null) {
            channel.close();
            throw new IOException("could not lock the new scratch folder " + dir);
        }
        held = channel;
        heldDir = dir;
    }

    private static synchronized void release(Path dir) {
        if (held != null && dir.equals(heldDir)) {
            try {
                held.close();
            } catch (IOException e) {
                // closing releases the lock; the process's end would too
            }
            held = null;
        }
    }

    /**
     * Deletes the scratch folders in the temporary folder that earlier launches left behind: those named
     * {@code relive-PID-N} whose process no longer runs and whose lock (if they have one) nobody holds. A folder of a
     * running launch is never taken, even one whose process this JVM cannot see (another container sharing the
     * folder): its lock is held. Folders of other users are left alone. Returns how many were deleted.
     */
    static int deleteLeftovers() {
        return deleteLeftovers(Path.of(System.getProperty("java.io.tmpdir")));
    }

    static int deleteLeftovers(Path tmp) {
        long own = ProcessHandle.current().pid();
        int deleted = 0;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(tmp, PREFIX + "*-*")) {
            for (Path dir : folders) {
                long pid = pidOf(dir.getFileName().toString());
                if (pid >= 0 && pid != own && !ProcessHandle.of(pid).isPresent() && ownedByUs(dir) && !inUse(dir)) {
                    delete(dir);
                    deleted += Files.exists(dir, LinkOption.NOFOLLOW_LINKS) ? 0 : 1;
                }
            }
        } catch (IOException | UncheckedIOException | SecurityException e) {
            // an unreadable temporary folder: nothing to tidy
        }
        return deleted;
    }

    /** The PID in {@code relive-PID-N}, or -1 for any other name. */
    static long pidOf(String name) {
        int dash = name.indexOf('-', PREFIX.length());
        if (!name.startsWith(PREFIX) || dash < 0 || dash == name.length() - 1) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(PREFIX.length(), dash));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Whether dir is a folder (not a link) of this user; false for one that went meanwhile or cannot be read. */
    private static boolean ownedByUs(Path dir) {
        try {
            return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS)
                    .getName().equals(System.getProperty("user.name"));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean inUse(Path dir) {
        Path lock = dir.resolve(LOCK);
        if (!Files.exists(lock, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock free = channel.tryLock();
            if (free == null) {
                return true;
            }
            free.release();
            return false;
        } catch (IOException | OverlappingFileLockException e) {
            return true;
        }
    }

    static void delete(Path dir) {
        release(dir);
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
