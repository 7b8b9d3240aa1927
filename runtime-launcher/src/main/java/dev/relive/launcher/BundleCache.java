package dev.relive.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.launch.Framework;

/**
 * The framework's storage, kept under {@code .relive/felix/<mode>} so that the next launch finds the embedded
 * bundles installed and skips copying them out of the launcher jar. A launch keeps it only when all of these hold:
 * <ul>
 * <li>its stamp was written for the same mode and the same Felix;</li>
 * <li>the deploy folder is empty, so that what FileInstall would install is exactly what the cache holds;</li>
 * <li>no bundle was installed, updated or uninstalled since the stamp was written (an HVR update, a Gogo
 * {@code install}, a jar dropped into the deploy folder): the first such event deletes the stamp.</li>
 * </ul>
 * Otherwise the storage is wiped and filled afresh. A kept storage is then {@linkplain #prune pruned}: a bundle whose
 * embedded jar changed (its CRC and size in the launcher jar differ from the stamp's) or is gone is uninstalled, so
 * that only the changed jars are installed again; a bundle the stamp names but the storage lost means the storage is
 * damaged, and the launch starts afresh. The folders are created owner-only, and one that others can write into is
 * not used (the bundles in it are code that runs). A second launch in the same folder while the first runs gets a temporary
 * storage of its own, as every launch did before.
 */
final class BundleCache implements AutoCloseable {

    private static final String STAMP = "relive-stamp";

    private final Path storage;
    private final Path scratch;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final String expected;
    private final boolean stampable;
    /** Location to stamp of the bundles a storage kept from an earlier launch holds, by its stamp; null if wiped. */
    private Map<String, String> previous;

    private BundleCache(Path storage, Path scratch, FileChannel lockChannel, FileLock lock, String expected,
            Map<String, String> previous, boolean stampable) {
        this.storage = storage;
        this.scratch = scratch;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.expected = expected;
        this.previous = previous;
        this.stampable = stampable;
    }

    /** Opens the cache for this launch: locked, and either reusable or wiped. */
    static BundleCache open(Path stateDir, LaunchOptions options, List<EmbeddedBundles.Entry> embedded)
            throws IOException {
        String mode = (options.dev() ? "dev" : "production") + (options.cluster() ? "-cluster" : "");
        Path scratch = Storage.newScratch();
        Path dir = stateDir.resolve("felix");
        createOwnerOnly(stateDir);
        createOwnerOnly(dir);
        for (Path folder : List.of(stateDir, dir)) {
            if (DeployCheck.writableByOthers(folder) != null) {
                // the cache holds code that runs: one that others could write into is not trusted
                System.err.println("relive: WARNING " + folder + " can be written by others: the bundles are "
                        + "installed afresh in a temporary folder (chmod 700 it to keep them between launches)");
                return new BundleCache(scratch.resolve("felix"), scratch, null, null, "", null, false);
            }
        }
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
            return new BundleCache(scratch.resolve("felix"), scratch, null, null, "", null, false);
        }
        Path storage = dir.resolve(mode);
        String expected = header(mode) + entries(embedded);
        boolean deployEmpty = isEmpty(options.deploy());
        String found = read(storage.resolve(STAMP));
        Map<String, String> previous = null; // stays null when the storage is wiped
        if (deployEmpty && found != null && found.startsWith(header(mode))) {
            previous = parse(found.substring(header(mode).length()));
            if (!found.equals(expected)) {
                // the storage is about to change: until it is stamped again, the next launch must not trust it
                Files.delete(storage.resolve(STAMP));
            }
        } else {
            Storage.delete(storage);
        }
        return new BundleCache(storage, scratch, channel, lock, expected, previous, deployEmpty);
    }

    /** Where Felix keeps its bundles. */
    Path storage() {
        return storage;
    }

    /** A folder for this launch only, removed at exit. */
    Path scratch() {
        return scratch;
    }

    /** Whether the storage holds bundles installed by an earlier launch. */
    boolean reused() {
        return previous != null;
    }

    /**
     * Uninstalls the kept bundles whose embedded jar changed or is gone, leaving out of date nothing that
     * {@link FelixFramework#install} would take as it is; returns why the storage is damaged (a bundle the stamp
     * names is missing from it), or null when it is sound.
     */
    String prune(Framework framework, List<EmbeddedBundles.Entry> embedded) throws BundleException {
        Map<String, String> wanted = new HashMap<>();
        for (EmbeddedBundles.Entry e : embedded) {
            wanted.put(location(e), e.stamp());
        }
        BundleContext context = framework.getBundleContext();
        for (Bundle b : context.getBundles()) {
            String stamp = wanted.get(b.getLocation());
            if (b.getBundleId() != 0 && (stamp == null || !stamp.equals(previous.get(b.getLocation())))) {
                // changed, gone from the launcher, or not the launcher's
                b.uninstall();
            }
        }
        for (EmbeddedBundles.Entry e : embedded) {
            if (e.stamp().equals(previous.get(location(e))) && context.getBundle(location(e)) == null) {
                return e.resource() + " is missing";
            }
        }
        return null;
    }

    /** Empties a damaged storage, for a framework to fill afresh. */
    void wipe() {
        Storage.delete(storage);
        previous = null;
    }

    /** Where the bundle of an embedded jar is installed from. */
    static String location(EmbeddedBundles.Entry entry) {
        return "relive:" + entry.resource();
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
        Files.writeString(storage.resolve(STAMP), expected);
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

    private static String header(String mode) throws IOException {
        return "mode=" + mode + '\n' + felixVersion() + '\n';
    }

    /** One line per embedded jar: its location and stamp. */
    private static String entries(List<EmbeddedBundles.Entry> embedded) {
        StringBuilder s = new StringBuilder();
        for (EmbeddedBundles.Entry e : embedded) {
            s.append(location(e)).append(' ').append(e.stamp()).append('\n');
        }
        return s.toString();
    }

    private static Map<String, String> parse(String entries) {
        Map<String, String> stamps = new HashMap<>();
        for (String line : entries.split("\n")) {
            int space = line.lastIndexOf(' ');
            if (space > 0) {
                stamps.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return stamps;
    }

    /** The framework's own version line ({@code felix.version=...}): a new Felix may store bundles differently. */
    private static String felixVersion() throws IOException {
        try (InputStream in = BundleCache.class.getClassLoader()
                .getResourceAsStream("org/apache/felix/framework/Felix.properties")) {
            return in == null ? "felix.version=?" : new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).trim();
        }
    }

    /** Creates the folder (and its parents) readable and writable by this user only, where the file system can say so. */
    private static void createOwnerOnly(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(folder);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether {@code dir} is missing or holds nothing. */
    static boolean isEmpty(Path dir) throws IOException {
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
