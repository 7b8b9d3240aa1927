package dev.relive.hvr.internal.save;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.relive.hvr.internal.watch.Burst;
import dev.relive.hvr.internal.watch.SourceWatcher;

/**
 * Issue 12, item 8: moving a project into a watched folder made {@code hvr:status} report the age of its files as
 * the watch phase ({@code watch=359866 ms}), as the phase was measured from file modification times. It runs from
 * the watcher's first event of the burst instead.
 */
class Issue12WatchTimeTest {

    private static final String MOVED = "app/src/main/java/a/View.java";

    @TempDir
    Path workspace;

    @Test
    void theWatchPhaseRunsFromTheWatchersEventNotFromTheFilesModificationTimes() throws Exception {
        Path bundles = Files.createDirectories(workspace.resolve("bundles"));
        Path outside = Files.createDirectories(workspace.resolve("elsewhere/app"));
        Files.writeString(outside.resolve("bnd.bnd"), "");
        Path view = Files.createDirectories(outside.resolve("src/main/java/a")).resolve("View.java");
        Files.writeString(view, "class View {}");
        FileTime anHourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        Files.setLastModifiedTime(view, anHourAgo);
        BlockingQueue<Burst> delivered = new LinkedBlockingQueue<>();

        try (SourceWatcher watcher = new SourceWatcher(List.of(bundles), List.of(), delivered::add)) {
            watcher.start();
            long beforeMove = System.nanoTime();
            Files.move(outside, bundles.resolve("app"));
            Burst burst = delivered.poll(30, TimeUnit.SECONDS);
            long deliveredAt = System.nanoTime();

            assertThat(burst).as("a burst within 30 s").isNotNull();
            assertThat(burst.changeSets()).singleElement()
                    .satisfies(change -> assertThat(change.changed()).contains(bundles.resolve(MOVED)));
            assertThat(Files.getLastModifiedTime(bundles.resolve(MOVED))).isEqualTo(anHourAgo);
            assertThat(burst.firstEventNanos()).isBetween(beforeMove, deliveredAt);
            SaveTimeline timeline = new SaveTimeline(burst.firstEventNanos());
            long sinceMoveMs = (System.nanoTime() - beforeMove) / 1_000_000;
            assertThat(timeline.phases().get("watch")).isBetween(0L, sinceMoveMs);
            assertThat(timeline.sinceSaved()).isLessThanOrEqualTo((System.nanoTime() - beforeMove) / 1_000_000);
        }
    }
}
