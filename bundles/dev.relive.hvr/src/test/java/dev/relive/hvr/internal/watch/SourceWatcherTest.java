package dev.relive.hvr.internal.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceWatcherTest {

    private static final Duration STEPS_QUIET = Duration.ofSeconds(2);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path workspace;
    private Path bundles;
    private Path app;
    private Path other;

    private final BlockingQueue<List<ChangeSet>> delivered = new LinkedBlockingQueue<>();
    private final List<String> threadNames = new ArrayList<>();
    private SourceWatcher watcher;

    @BeforeEach
    void workspace() throws IOException {
        bundles = workspace.resolve("bundles");
        app = project("app");
        other = project("other");
        Files.writeString(workspace.resolve("bnd.bnd"), "");
    }

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
    }

    @Test
    void oneBurstCarriesEveryChangedFileGroupedByProject() throws Exception {
        start(List.of());
        Path view = write(app, "src/main/java/a/View.java", "class View { int x; }");
        Path template = write(app, "src/main/resources/a/View.peb", "<p>new</p>");
        Path otherView = write(other, "src/main/java/b/Other.java", "class Other { int y; }");

        List<ChangeSet> sets = next();

        assertThat(sets).containsExactly(
                new ChangeSet(app, Set.of(view, template), Set.of()),
                new ChangeSet(other, Set.of(otherView), Set.of()));
        assertThat(threadNames).containsOnly(SourceWatcher.THREAD_NAME);
        // a later change comes alone: nothing of the first ones was left over for a burst of its own
        Path marker = write(app, "src/main/java/a/Marker.java", "class Marker {}");
        assertThat(next()).containsExactly(new ChangeSet(app, Set.of(marker), Set.of()));
    }

    /** {@code mvn clean} deletes a project's {@code target/}, which is not watched: that changes nothing. */
    @Test
    void aDeletedBuildFolderIsNoChange() throws Exception {
        Path classes = write(app, "target/classes/a/View.class", "not a class");
        start(List.of());
        Files.delete(classes);
        Files.delete(classes.getParent());
        Files.delete(app.resolve("target/classes"));
        Files.delete(app.resolve("target"));
        Path view = write(app, "src/main/java/a/View.java", "class View {}");

        List<ChangeSet> sets = next();
        while (!sets.stream().anyMatch(set -> set.changed().contains(view))) {
            assertThat(sets).as("a burst before the save").allSatisfy(set -> assertThat(set.deleted()).isEmpty());
            sets = next();
        }
        assertThat(sets).containsExactly(new ChangeSet(app, Set.of(view), Set.of()));
    }

    @Test
    void rapidSavesWithinTheQuietPeriodFormOneBurst() throws Exception {
        // the quiet period is far longer than the gaps between saves, even when a loaded machine stretches them
        start(List.of(), Duration.ofSeconds(3), Duration.ofSeconds(30));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            files.add(write(app, "src/main/java/a/V" + i + ".java", "class V" + i + " {}"));
            Thread.sleep(20);
        }

        assertThat(next()).containsExactly(new ChangeSet(app, Set.copyOf(files), Set.of()));
    }

    @Test
    void aBurstClosesAtTheMaxDelayEvenWhileSavesGoOn() throws Exception {
        start(List.of(), Duration.ofSeconds(5), Duration.ofMillis(300));
        // saves every 20 ms leave no quiet period of 5 s: only the max delay can close a burst while they go on
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int i = 0;
        while (delivered.isEmpty() && System.nanoTime() < deadline) {
            write(app, "src/main/java/a/Busy.java", "class Busy { int v = " + i++ + "; }");
            Thread.sleep(20);
        }
        assertThat(next()).as("a burst delivered while saves went on").isNotEmpty();
        for (int j = 0; j < 5; j++) {
            write(app, "src/main/java/a/Busy.java", "class Busy { int v = " + i++ + "; }");
            Thread.sleep(20);
        }
        assertThat(next()).as("the saves after it, in a burst of their own").isNotEmpty();
    }

    @Test
    void atomicRenameSaveIsAChangeOfTheTarget() throws Exception {
        Path view = write(app, "src/main/java/a/View.java", "class View {}");
        start(List.of());
        Path temp = write(app, "src/main/java/a/.View.java.tmp", "class View { int saved; }");
        Files.move(temp, view, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        assertThat(next()).containsExactly(new ChangeSet(app, Set.of(view), Set.of()));
    }

    @Test
    void backupRenameThenWriteIsAChangeNotADeletion() throws Exception {
        Path view = write(app, "src/main/java/a/View.java", "class View {}");
        start(List.of());
        Files.move(view, view.resolveSibling("View.java~"));
        write(app, "src/main/java/a/View.java", "class View { int saved; }");
        Files.delete(view.resolveSibling("View.java~"));

        assertThat(next()).containsExactly(new ChangeSet(app, Set.of(view), Set.of()));
    }

    @Test
    void deletionsAreReported() throws Exception {
        Path view = write(app, "src/main/java/a/View.java", "class View {}");
        Path dir = Files.createDirectories(app.resolve("src/main/java/old"));
        write(app, "src/main/java/old/Old.java", "class Old {}");
        start(List.of());
        Files.delete(view);
        Files.delete(dir.resolve("Old.java"));
        Files.delete(dir);

        assertThat(next()).containsExactly(new ChangeSet(app, Set.of(), Set.of(view, dir.resolve("Old.java"), dir)));
    }

    @Test
    void excludedFoldersAndEditorTempFilesAreIgnored() throws Exception {
        Files.createDirectories(app.resolve("target/classes"));
        Files.createDirectories(app.resolve("node_modules/x"));
        Files.createDirectories(app.resolve(".git"));
        Files.createDirectories(app.resolve("generated"));
        start(List.of(app.resolve("generated")));
        write(app, "target/classes/View.class", "x");
        write(app, "node_modules/x/index.js", "x");
        write(app, ".git/index", "x");
        write(app, "generated/Gen.java", "x");
        write(app, "src/main/java/a/#View.java#", "x");
        write(app, "src/main/java/a/View.java~", "x");
        write(app, "src/main/java/a/.View.java.swp", "x");
        write(bundles.getParent(), "bundles/notes.txt", "x");
        Path view = write(app, "src/main/java/a/View.java", "class View {}");

        assertThat(next()).containsExactly(new ChangeSet(app, Set.of(view), Set.of()));
    }

    @Test
    void foldersCreatedLaterAreWatched() throws Exception {
        start(List.of());
        int folders = watcher.watchedFolderCount();
        Path first = write(app, "src/main/java/c/d/First.java", "class First {}");
        assertThat(next()).containsExactly(new ChangeSet(app, Set.of(first), Set.of()));
        assertThat(watcher.watchedFolderCount()).isEqualTo(folders + 2);

        Path second = write(app, "src/main/java/c/d/Second.java", "class Second {}");
        assertThat(next()).containsExactly(new ChangeSet(app, Set.of(second), Set.of()));
    }

    @Test
    void closeStopsTheThreadPromptly() throws Exception {
        // this watcher's own thread: a thread of the same name left by another test must not count
        Set<Thread> before = watcherThreads();
        start(List.of());
        Set<Thread> started = watcherThreads();
        started.removeAll(before);
        assertThat(started).singleElement().matches(Thread::isAlive);
        long t0 = System.nanoTime();
        watcher.close();
        long closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

        assertThat(started).noneMatch(Thread::isAlive);
        System.out.printf("SourceWatcher.close() took %d ms%n", closeMillis);
    }

    @Test
    void issue13ARehearsedSaveFindsItsProjectAndDeliversNothing() throws Exception {
        Path view = write(app, "src/main/java/a/View.java", "class View { int x; }");
        Path test = write(app, "src/test/java/a/ViewTest.java", "class ViewTest { }");
        start(List.of(), Duration.ofMillis(15), Duration.ofMillis(500));

        assertThat(watcher.rehearse(view)).containsExactly(new ChangeSet(app, Set.of(view), Set.of()));
        assertThat(watcher.rehearse(test)).isEmpty(); // a test source is not part of the bundle
        assertThat(delivered.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void latencyFromWriteToDelivery() throws Exception {
        watcher = new SourceWatcher(List.of(bundles), List.of(), burst -> delivered.add(burst.changeSets()));
        watcher.start();
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long t0 = System.nanoTime();
            write(app, "src/main/java/a/View.java", "class View { int v = " + i + "; }");
            next();
            micros.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - t0));
            Thread.sleep(30);
        }
        micros.sort(null);
        System.out.printf("SourceWatcher latency write->delivery (defaults: quiet %d ms, %d ms once the source reads"
                + " whole): median %.1f ms, max %.1f ms%n", SourceWatcher.DEFAULT_QUIET.toMillis(),
                SourceWatcher.DEFAULT_SETTLED_QUIET.toMillis(), micros.get(5) / 1000.0, micros.get(9) / 1000.0);
        assertThat(micros).hasSize(10);
    }

    /**
     * Starts a watcher whose quiet period outlasts the pauses a loaded machine puts between a test's writes, so that
     * the changes a test makes together arrive as one burst.
     */
    private void start(List<Path> excluded) throws IOException {
        start(excluded, STEPS_QUIET, Duration.ofSeconds(30));
    }

    private void start(List<Path> excluded, Duration quiet, Duration max) throws IOException {
        Consumer<Burst> consumer = burst -> {
            synchronized (threadNames) {
                threadNames.add(Thread.currentThread().getName());
            }
            delivered.add(burst.changeSets());
        };
        watcher = new SourceWatcher(List.of(bundles), excluded, quiet, max, consumer);
        watcher.start();
    }

    private List<ChangeSet> next() throws InterruptedException {
        List<ChangeSet> sets = delivered.poll(DELIVERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(sets).as("a change set within %s", DELIVERY_TIMEOUT).isNotNull();
        return sets;
    }

    private Path project(String name) throws IOException {
        Path dir = bundles.resolve(name);
        Files.createDirectories(dir.resolve("src/main/java"));
        Files.createDirectories(dir.resolve("src/main/resources"));
        Files.writeString(dir.resolve("bnd.bnd"), "-include: ${.}/../../bnd.bnd\n");
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        return dir.toAbsolutePath().normalize();
    }

    private static Path write(Path base, String relative, String content) throws IOException {
        Path file = base.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content).toAbsolutePath().normalize();
    }

    private static Set<Thread> watcherThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(SourceWatcher.THREAD_NAME) && t.isAlive())
                .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
    }
}
