package dev.relive.hvr.internal.watch;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches folders of bundle projects recursively and reports each burst of saves as one {@link Burst} of
 * {@link ChangeSet}s, one per bundle project touched (sorted by project folder; files in no project are not reported).
 *
 * <p>Threading: {@link #start()} registers the folders on the calling thread, then one daemon thread named
 * {@value #THREAD_NAME} waits for events, collects bursts and calls the consumer; the consumer runs on that thread,
 * and saves made meanwhile form the next burst. A consumer's exception is logged and the watcher goes on.
 *
 * <p>Lifecycle: {@code start} once, then {@link #close()}: it stops the thread at its next wait, waiting up to two
 * seconds for a consumer call in progress to return (it does not interrupt it). Folders created later are
 * watched as they appear; their files count as created. Excluded folders and editor temp files are described in
 * {@link WatchFilter}. On Linux the JDK's watch service uses inotify; other platforms may poll and be slower.
 */
public final class SourceWatcher implements AutoCloseable {

    public static final String THREAD_NAME = "relive-hvr-watcher";
    public static final Duration DEFAULT_QUIET = Duration.ofMillis(15);
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofMillis(500);
    /** The quiet period of a burst of template files only (see {@link BurstCollector}). */
    public static final Duration DEFAULT_TEMPLATE_QUIET = Duration.ofMillis(3);
    /** The quiet period of a burst whose files all read whole (see {@link BurstCollector}). */
    public static final Duration DEFAULT_SETTLED_QUIET = Duration.ofMillis(3);

    private static final System.Logger LOG = System.getLogger(SourceWatcher.class.getName());

    private final List<Path> roots;
    private final WatchFilter filter;
    private final ProjectLocator locator;
    private final BurstCollector burst;
    private final Consumer<Burst> consumer;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Map<Path, WatchKey> keys = new HashMap<>();
    private WatchService service;
    private Thread thread;
    private volatile boolean closed;

    public SourceWatcher(List<Path> roots, List<Path> excludedFolders, Consumer<Burst> consumer) {
        this(roots, excludedFolders, DEFAULT_QUIET, DEFAULT_TEMPLATE_QUIET, DEFAULT_SETTLED_QUIET, DEFAULT_MAX_DELAY,
                consumer);
    }

    public SourceWatcher(List<Path> roots, List<Path> excludedFolders, Duration quiet, Duration maxDelay,
            Consumer<Burst> consumer) {
        this(roots, excludedFolders, quiet, DEFAULT_TEMPLATE_QUIET, maxDelay, consumer);
    }

    public SourceWatcher(List<Path> roots, List<Path> excludedFolders, Duration quiet, Duration templateQuiet,
            Duration maxDelay, Consumer<Burst> consumer) {
        this(roots, excludedFolders, quiet, templateQuiet, quiet, maxDelay, consumer);
    }

    /**
     * @param settledQuiet how long a burst waits after its last event before it looks whether its files are whole,
     *        and closes if they are; {@code quiet} to wait the quiet period always
     */
    public SourceWatcher(List<Path> roots, List<Path> excludedFolders, Duration quiet, Duration templateQuiet,
            Duration settledQuiet, Duration maxDelay, Consumer<Burst> consumer) {
        this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.filter = new WatchFilter(excludedFolders);
        this.locator = new ProjectLocator(this.roots);
        this.burst = new BurstCollector(quiet.toNanos(), templateQuiet.toNanos(), settledQuiet.toNanos(),
                maxDelay.toNanos());
        this.consumer = consumer;
    }

    /**
     * Registers every root folder and its sub-folders, then starts the watcher thread.
     *
     * @throws IOException if a root is not a folder or cannot be watched
     */
    public synchronized void start() throws IOException {
        if (service != null) {
            throw new IllegalStateException("already started");
        }
        service = FileSystems.getDefault().newWatchService();
        try {
            for (Path root : roots) {
                if (!Files.isDirectory(root)) {
                    throw new IOException("not a folder: " + root);
                }
                registerTree(root, false);
            }
        } catch (IOException e) {
            service.close();
            throw e;
        }
        thread = new Thread(this::run, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Runs what a save of {@code file} runs in this watcher, from its event to its change sets, and delivers nothing:
     * the first real save then finds that code loaded and linked (it took 20-40 ms of the first save's {@code watch}
     * phase). Returns the change sets that save would have delivered.
     */
    public List<ChangeSet> rehearse(Path file) {
        Path path = file.toAbsolutePath().normalize();
        if (filter.isIgnoredFile(path) || filter.isExcludedFolder(path)) {
            return List.of();
        }
        // settled sooner than quiet, and far from the max delay: the burst looks whether the file is empty and whole
        BurstCollector rehearsal = new BurstCollector(2, 0, 1, TimeUnit.SECONDS.toNanos(1));
        long now = System.nanoTime();
        rehearsal.record(path, false, now);
        rehearsal.closesAt(now + 1);
        return rehearsal.drain(locator);
    }

    /** The folders currently watched (for diagnostics). */
    public synchronized int watchedFolderCount() {
        return keys.size();
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            t = thread;
            if (service != null) {
                try {
                    service.close();
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.DEBUG, "closing the watch service", e);
                }
            }
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try {
            while (!closed) {
                WatchKey key = burst.isEmpty() ? service.take()
                        : service.poll(Math.max(0, burst.closesAtNanos() - System.nanoTime()), TimeUnit.NANOSECONDS);
                while (key != null) {
                    handle(key);
                    key = service.poll();
                }
                if (closes()) {
                    deliver();
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "source watcher stopped", e);
        }
    }

    private synchronized boolean closes() {
        return burst.closesAt(System.nanoTime());
    }

    private void deliver() {
        List<ChangeSet> sets;
        long firstEventNanos;
        synchronized (this) {
            firstEventNanos = burst.firstEventNanos();
            sets = burst.drain(locator);
        }
        if (sets.isEmpty() || closed) {
            return;
        }
        try {
            consumer.accept(new Burst(firstEventNanos, sets));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "change set consumer failed", e);
        }
    }

    private synchronized void handle(WatchKey key) {
        Path folder = folders.get(key);
        long now = System.nanoTime();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (folder == null) {
                continue;
            }
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                rescan(folder);
                continue;
            }
            Path path = folder.resolve((Path) event.context());
            boolean created = event.kind() == StandardWatchEventKinds.ENTRY_CREATE;
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                if (created && !keys.containsKey(path) && !filter.isExcludedFolder(path)) {
                    registerNew(path);
                }
            } else if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE && keys.containsKey(path)) {
                unregisterTree(path);
                burst.record(path, false, now);
            } else if (!filter.isIgnoredFile(path) && !filter.isExcludedFolder(path)) {
                // an excluded folder deleted (mvn clean's target/) was never watched: not a change of the project
                burst.record(path, created, now);
            }
        }
        if (!key.reset()) {
            Path gone = folders.remove(key);
            if (gone != null) {
                keys.remove(gone);
            }
        }
    }

    private void registerNew(Path folder) {
        try {
            registerTree(folder, true);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot watch " + folder, e);
        }
    }

    private void rescan(Path folder) {
        try {
            registerTree(folder, true);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot rescan " + folder, e);
        }
    }

    /** Registers {@code start} and its sub-folders; with {@code recordFiles}, their files join the burst as created. */
    private void registerTree(Path start, boolean recordFiles) throws IOException {
        long now = System.nanoTime();
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(start) && filter.isExcludedFolder(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!keys.containsKey(dir)) {
                    WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
                    folders.put(key, dir);
                    keys.put(dir, key);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (recordFiles && attrs.isRegularFile() && !filter.isIgnoredFile(file)) {
                    burst.record(file, true, now);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void unregisterTree(Path folder) {
        keys.entrySet().removeIf(entry -> {
            if (entry.getKey().startsWith(folder)) {
                entry.getValue().cancel();
                folders.remove(entry.getValue());
                return true;
            }
            return false;
        });
    }
}
