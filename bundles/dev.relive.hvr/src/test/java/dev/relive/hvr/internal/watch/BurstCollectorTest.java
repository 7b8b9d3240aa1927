package dev.relive.hvr.internal.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BurstCollectorTest {

    @TempDir
    Path bundles;
    private Path project;
    private ProjectLocator locator;
    private final BurstCollector burst = new BurstCollector(40, 500);

    @BeforeEach
    void project() throws IOException {
        project = Files.createDirectories(bundles.resolve("app/src/main/java")).getParent().getParent().getParent();
        Files.writeString(project.resolve("bnd.bnd"), "");
        locator = new ProjectLocator(List.of(bundles));
    }

    @Test
    void closesAfterQuietPeriodOrMaxDelay() {
        burst.record(project.resolve("A.java"), false, 1000);
        assertThat(burst.closesAtNanos()).isEqualTo(1040);
        burst.record(project.resolve("B.java"), false, 1030);
        assertThat(burst.closesAtNanos()).isEqualTo(1070);
        burst.record(project.resolve("C.java"), false, 1480);
        assertThat(burst.closesAtNanos()).isEqualTo(1500);
    }

    @Test
    void aBurstOfTemplatesOnlyClosesAfterTheShorterQuietPeriod() {
        BurstCollector templates = new BurstCollector(40, 3, 500);
        templates.record(project.resolve("src/main/resources/a/View.peb"), false, 1000);
        assertThat(templates.closesAtNanos()).isEqualTo(1003);
        templates.record(project.resolve("src/main/java/a/View.java"), false, 1002);
        assertThat(templates.closesAtNanos()).isEqualTo(1042);
        templates.drain(locator);
        templates.record(project.resolve("src/main/resources/a/Other.peb"), false, 2000);
        assertThat(templates.closesAtNanos()).isEqualTo(2003);
    }

    @Test
    void finalStateDecidesChangedOrDeleted() throws IOException {
        Path kept = Files.writeString(project.resolve("src/main/java/Kept.java"), "class Kept {}");
        Path gone = project.resolve("src/main/java/Gone.java");
        Path tempOnly = project.resolve("src/main/java/Kept.java___jb_tmp___");
        burst.record(kept, false, 1);
        burst.record(kept, true, 2);
        burst.record(gone, false, 3);
        burst.record(tempOnly, true, 4);

        List<ChangeSet> sets = burst.drain(locator);

        assertThat(sets).containsExactly(new ChangeSet(project, java.util.Set.of(kept), java.util.Set.of(gone)));
        assertThat(burst.isEmpty()).isTrue();
    }

    @Test
    void dropsPathsOutsideProjectsAndFolders() throws IOException {
        Path readme = Files.writeString(bundles.resolve("README.md"), "x");
        burst.record(readme, false, 1);
        burst.record(project.resolve("src"), false, 2);

        assertThat(burst.drain(locator)).isEmpty();
    }

    /** A test source saved while the runtime runs builds nothing: the bundle does not hold it. */
    @Test
    void dropsATestSourceOfAProject() throws IOException {
        Path test = Files.createDirectories(project.resolve("src/test/java/a")).resolve("ViewTest.java");
        Files.writeString(test, "class ViewTest {}");
        Path view = Files.writeString(project.resolve("src/main/java/View.java"), "class View {}");
        burst.record(test, false, 1);
        assertThat(burst.drain(locator)).isEmpty();

        burst.record(test, false, 2);
        burst.record(view, false, 3);
        assertThat(burst.drain(locator)).containsExactly(new ChangeSet(project, java.util.Set.of(view), java.util.Set.of()));
    }
}
