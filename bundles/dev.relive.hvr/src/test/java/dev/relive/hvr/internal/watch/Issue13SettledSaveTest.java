package dev.relive.hvr.internal.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A save whose sources read whole is built after a short settle period, not the full quiet period; a half-written
 * source waits for it; saves landing together are still one burst.
 */
class Issue13SettledSaveTest {

    private static final long QUIET = 15_000;
    private static final long SETTLED = 3_000;
    private static final long MAX_DELAY = 500_000;
    private static final String WHOLE = "package a;\n\npublic class View {\n    void add() { count += 1; }\n}\n";

    @TempDir
    Path bundles;
    private Path project;
    private ProjectLocator locator;
    private final BurstCollector burst = new BurstCollector(QUIET, 3_000, SETTLED, MAX_DELAY);
    private final BlockingQueue<Burst> delivered = new LinkedBlockingQueue<>();
    private SourceWatcher watcher;

    @BeforeEach
    void project() throws IOException {
        project = bundles.resolve("app").toAbsolutePath().normalize();
        Files.createDirectories(project.resolve("src/main/java/a"));
        Files.writeString(project.resolve("bnd.bnd"), "");
        locator = new ProjectLocator(List.of(bundles));
    }

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
    }

    @Test
    void aTruncatedSourceKeepsTheBurstOpenForItsWriteUpToTheMaxDelay() throws IOException {
        Path view = write("src/main/java/a/View.java", "");
        burst.record(view, false, 1_000);

        assertThat(burst.closesAt(1_000 + QUIET)).as("empty: the write is awaited").isFalse();
        assertThat(burst.closesAtNanos()).isEqualTo(1_000 + MAX_DELAY);
        assertThat(burst.closesAt(200_000)).isFalse();

        Files.writeString(view, WHOLE); // the editor's write, 200 ms after its truncation
        burst.record(view, false, 200_000);
        assertThat(burst.closesAt(200_000 + SETTLED)).as("one save, built once").isTrue();
    }

    @Test
    void aSourceLeftEmptyIsBuiltAtTheMaxDelay() throws IOException {
        Path view = write("src/main/java/a/View.java", "\n");
        burst.record(view, false, 1_000);

        assertThat(burst.closesAt(1_000 + QUIET)).isFalse();
        assertThat(burst.closesAt(1_000 + MAX_DELAY)).as("the build then says the file is empty").isTrue();
    }

    @Test
    void aWholeSourceClosesTheBurstAfterTheSettlePeriod() throws IOException {
        Path view = write("src/main/java/a/View.java", WHOLE);
        burst.record(view, true, 1_000);

        assertThat(burst.closesAtNanos()).isEqualTo(1_000 + SETTLED);
        assertThat(burst.closesAt(1_000 + SETTLED - 1)).isFalse();
        assertThat(burst.closesAt(1_000 + SETTLED)).isTrue();
        assertThat(burst.drain(locator)).containsExactly(new ChangeSet(project, Set.of(view), Set.of()));
    }

    @Test
    void aHalfWrittenSourceWaitsTheQuietPeriodAndALaterEventLooksAgain() throws IOException {
        Path view = write("src/main/java/a/View.java", WHOLE.substring(0, WHOLE.length() / 2));
        burst.record(view, false, 1_000);

        assertThat(burst.closesAt(1_000 + SETTLED)).isFalse();
        assertThat(burst.closesAtNanos()).isEqualTo(1_000 + QUIET);
        assertThat(burst.closesAt(1_000 + QUIET)).isTrue();

        // the rest of the write arrives before the quiet period ends: the burst looks again, and closes
        write("src/main/java/a/View.java", WHOLE);
        burst.record(view, false, 5_000);
        assertThat(burst.closesAtNanos()).isEqualTo(5_000 + SETTLED);
        assertThat(burst.closesAt(5_000 + SETTLED)).isTrue();
    }

    @Test
    void filesNotJudgedWholeWaitTheQuietPeriod() throws IOException {
        Path view = write("src/main/java/a/View.java", WHOLE);
        Path bnd = project.resolve("bnd.bnd");
        burst.record(view, false, 1_000);
        burst.record(bnd, false, 1_001);

        assertThat(burst.closesAt(1_001 + SETTLED)).isFalse();
        assertThat(burst.closesAt(1_001 + QUIET)).isTrue();
        assertThat(burst.drain(locator)).containsExactly(new ChangeSet(project, Set.of(view, bnd), Set.of()));
    }

    @Test
    void savesWithinTheSettlePeriodAreOneBurst() throws IOException {
        Path view = write("src/main/java/a/View.java", WHOLE);
        Path other = write("src/main/java/a/Other.java", WHOLE.replace("View", "Other"));
        burst.record(view, false, 1_000);
        assertThat(burst.closesAt(1_000 + SETTLED / 2)).isFalse();
        burst.record(other, false, 1_000 + SETTLED / 2);

        assertThat(burst.closesAt(1_000 + SETTLED)).isFalse();
        assertThat(burst.closesAt(1_000 + SETTLED / 2 + SETTLED)).isTrue();
        assertThat(burst.drain(locator)).containsExactly(new ChangeSet(project, Set.of(view, other), Set.of()));
    }

    @Test
    void theMaxDelayStillCloses() throws IOException {
        Path view = write("src/main/java/a/View.java", "class View {");
        burst.record(view, false, 1_000);
        burst.record(view, false, 1_000 + MAX_DELAY - 1);

        assertThat(burst.closesAt(1_000 + MAX_DELAY)).isTrue();
    }

    @Test
    void theWatcherDeliversAWholeRenameSaveBeforeTheQuietPeriod() throws Exception {
        Path view = write("src/main/java/a/View.java", WHOLE);
        // a quiet period no loaded machine reaches within the wait below: only the settle period can close the burst
        start(Duration.ofMinutes(10), Duration.ofMillis(3));
        Path temp = write("src/main/java/a/.View.java.tmp", WHOLE.replace("+= 1", "+= 2"));
        Files.move(temp, view, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        Burst first = delivered.poll(60, TimeUnit.SECONDS);
        assertThat(first).as("delivered without waiting out the quiet period").isNotNull();
        assertThat(first.changeSets()).containsExactly(new ChangeSet(project, Set.of(view), Set.of()));
    }

    @Test
    void theWatcherDeliversABurstOfSavesOnce() throws Exception {
        // a settle period that outlasts the pauses a loaded machine puts between the writes, far below the quiet one
        start(Duration.ofMinutes(10), Duration.ofSeconds(2));
        Path view = write("src/main/java/a/View.java", WHOLE);
        Path other = write("src/main/java/a/Other.java", WHOLE.replace("View", "Other"));
        Path third = write("src/main/java/a/Third.java", WHOLE.replace("View", "Third"));

        Burst first = delivered.poll(60, TimeUnit.SECONDS);
        assertThat(first).as("delivered without waiting out the quiet period").isNotNull();
        assertThat(first.changeSets()).containsExactly(new ChangeSet(project, Set.of(view, other, third), Set.of()));
        assertThat(delivered).isEmpty();
    }

    @Test
    void wholeJavaIgnoresBracesInCommentsAndLiterals() {
        assertThat(SourceCompleteness.isWholeJava(WHOLE)).isTrue();
        assertThat(SourceCompleteness.isWholeJava("record P(int x) {}\n// trailing comment")).isTrue();
        assertThat(SourceCompleteness.isWholeJava("class A { String s = \"}\"; char c = '}'; /* } */ }")).isTrue();
        assertThat(SourceCompleteness.isWholeJava("class A { String t = \"\"\"\n  }}\n  \"\"\"; }")).isTrue();
        assertThat(SourceCompleteness.isWholeJava("class A { String s = \"{\"; ")).isFalse();
        assertThat(SourceCompleteness.isWholeJava("class A { /* } */")).isFalse();
        assertThat(SourceCompleteness.isWholeJava("class A { void f() {} } }")).isFalse();
        assertThat(SourceCompleteness.isWholeJava("class A { } /* unterminated")).isFalse();
        assertThat(SourceCompleteness.isWholeJava("package a;")).isFalse();
        assertThat(SourceCompleteness.isWholeJava("")).isFalse();
    }

    private void start(Duration quiet, Duration settled) throws IOException {
        watcher = new SourceWatcher(List.of(bundles), List.of(), quiet, Duration.ofMillis(3), settled,
                Duration.ofMinutes(20), delivered::add);
        watcher.start();
    }

    private Path write(String relative, String text) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text).toAbsolutePath().normalize();
    }
}
