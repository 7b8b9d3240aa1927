package dev.relive.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.launch.Framework;

/**
 * The framework's storage, kept under {@code .relive/felix/<mode>} so that the next launch finds the embedded
 * bundles installed and skips copying them out of the launcher jar. A launch reuses it only when all of these hold:
 * <ul>
 * <li>its stamp names the same embedded bundles (each jar's CRC and size), the same mode and the same Felix;</li>
 * <li>the deploy folder is empty, so that what FileInstall would install is exactly what the cache holds;</li>
 * <li>no bundle was installed, updated or uninstalled since the stamp was written (an HVR update, a Gogo
 * {@code install}, a jar dropped into the deploy folder): the first such event deletes the stamp.</li>
 * </ul>
 * Otherwise the storage is wiped and filled afresh. A second launch in the same folder while the first runs gets a
 * temporary storage of its own, as every launch did before.
 */
final class BundleCache implements AutoCloseable {

    private static final String STAMP = "relive-stamp";

    private final Path storage;
    private final Path scratch;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final String expected;
    private final boolean reused;
    private final boolean stampable;

    private BundleCache(Path storage, Path scratch, FileChannel lockChannel, FileLock lock, String expected,
            boolean reused, boolean stampable) {
        this.storage = storage;
        this.scratch = scratch;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.expected = expected;
        this.reused = reused;
        this.stampable = stampable;
    }

    /** Opens the cache for this launch: locked, and either reusable or wiped. */
    static BundleCache open(Path stateDir, LaunchOptions options, List<EmbeddedBundles.Entry> embedded)
            throws IOException {
        String mode = (options.dev() ? "dev" : "production") + (options.cluster() ? "-cluster" : "");
        Path scratch = Files.createTempDirectory("relive-");
        Path dir = stateDir.resolve("felix");
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve(mode + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return new BundleCache(scratch.resolve("felix"), scratch, null, null, "", false, false);
        }
        Path storage = dir.resolve(mode);
        String expected = stamp(mode, embedded);
        boolean deployEmpty = isEmpty(options.deploy());
        boolean reuse = deployEmpty && expected.equals(read(storage.resolve(STAMP)));
        if (!reuse) {
            Storage.delete(storage);
        }
        return new BundleCache(storage, scratch, channel, lock, expected, reuse, deployEmpty);
    }

    /** Where Felix keeps its bundles. */
    Path storage() {
        return storage;
    }

    /** A folder for this launch only, removed at exit. */
    Path scratch() {
        return scratch;
    }

    /** Whether the storage already holds the embedded bundles, installed by an earlier launch. */
    boolean reused() {
        return reused;
    }

    /**
     * Marks the storage as reusable, once every embedded bundle is installed and started, and from now on watches
     * for changes that make it stale.
     */
    void stamp(Framework framework) throws IOException {
        if (lock == null || !stampable) {
            return;
        }
        framework.getBundleContext().addBundleListener(new Staleness(framework));
        if (!reused) {
            Files.writeString(storage.resolve(STAMP), expected);
        }
    }

    @Override
    public void close() throws IOException {
        if (lock != null) {
            lock.release();
            lockChannel.close();
        }
        Storage.delete(scratch);
    }

    private void invalidate() {
        try {
            Files.deleteIfExists(storage.resolve(STAMP));
        } catch (IOException e) {
            System.err.println("relive: cannot mark the bundle cache stale: " + e.getMessage());
        }
    }

    private static String stamp(String mode, List<EmbeddedBundles.Entry> embedded) throws IOException {
        StringBuilder s = new StringBuilder("mode=").append(mode).append('\n');
        s.append(felixVersion()).append('\n');
        for (EmbeddedBundles.Entry e : embedded) {
            s.append(e.resource()).append(' ').append(e.stamp()).append('\n');
        }
        return s.toString();
    }

    /** The framework's own version line ({@code felix.version=...}): a new Felix may store bundles differently. */
    private static String felixVersion() throws IOException {
        try (InputStream in = BundleCache.class.getClassLoader()
                .getResourceAsStream("org/apache/felix/framework/Felix.properties")) {
            return in == null ? "felix.version=?" : new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).trim();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            return !files.iterator().hasNext();
        }
    }

    /** Deletes the stamp on the first install, update or uninstall while the framework runs. */
    private final class Staleness implements SynchronousBundleListener {

        private final Framework framework;

        Staleness(Framework framework) {
            this.framework = framework;
        }

        @Override
        public void bundleChanged(BundleEvent event) {
            int type = event.getType();
            boolean changes = type == BundleEvent.INSTALLED || type == BundleEvent.UPDATED
                    || type == BundleEvent.UNINSTALLED;
            if (changes && framework.getState() == Bundle.ACTIVE) {
                invalidate();
                framework.getBundleContext().removeBundleListener(this);
            }
        }
    }
}
