package dev.relive.hvr.internal.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class WatchFilterTest {

    private final WatchFilter filter = new WatchFilter(List.of(Path.of("/ws/bundles/legacy")));

    @Test
    void excludesBuildOutputVcsHiddenAndConfiguredFolders() {
        assertThat(filter.isExcludedFolder(Path.of("/ws/bundles/a/target"))).isTrue();
        assertThat(filter.isExcludedFolder(Path.of("/ws/bundles/a/node_modules"))).isTrue();
        assertThat(filter.isExcludedFolder(Path.of("/ws/bundles/a/.git"))).isTrue();
        assertThat(filter.isExcludedFolder(Path.of("/ws/bundles/a/.idea"))).isTrue();
        assertThat(filter.isExcludedFolder(Path.of("/ws/bundles/legacy"))).isTrue();
        assertThat(filter.isExcludedFolder(Path.of("/ws/bundles/legacy/src/main"))).isTrue();
        assertThat(filter.isExcludedFolder(Path.of("/ws/bundles/legacy2"))).isFalse();
        assertThat(filter.isExcludedFolder(Path.of("/ws/bundles/a/src/main/java"))).isFalse();
    }

    @Test
    void ignoresEditorTempFiles() {
        for (String name : List.of(".View.java.swp", "#View.java#", "View.java~", "View.java.swp", "View.java.swx",
                "View.java.tmp", ".hidden")) {
            assertThat(filter.isIgnoredFile(Path.of("/ws/bundles/a/src", name))).as(name).isTrue();
        }
        assertThat(filter.isIgnoredFile(Path.of("/ws/bundles/a/src/View.java"))).isFalse();
        assertThat(filter.isIgnoredFile(Path.of("/ws/bundles/a/src/View.peb"))).isFalse();
    }
}
