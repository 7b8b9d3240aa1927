package dev.relive.hvr.internal.save;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.relive.hvr.internal.watch.ChangeSet;

/** The file an {@code hvr-applied} frame names for a save. */
class SavedFileTest {

    private final Path project = Path.of("/ws/bundles/app").toAbsolutePath();
    private final Path source = project.resolve("src/main/java/a/View.java");
    private final Path template = project.resolve("src/main/resources/a/View.peb");
    private final Path helper = project.resolve("src/main/java/a/Helper.java");

    @Test
    void aChangedSourceComesFirstThenAnyChangedFile() {
        assertThat(SavePipeline.savedFile(new ChangeSet(project, Set.of(template, source), Set.of())))
                .isEqualTo(source);
        assertThat(SavePipeline.savedFile(new ChangeSet(project, Set.of(template), Set.of(helper))))
                .isEqualTo(template);
    }

    @Test
    void aSaveThatOnlyDeletedNamesTheDeletedFile() {
        assertThat(SavePipeline.savedFile(new ChangeSet(project, Set.of(), Set.of(helper)))).isEqualTo(helper);
        assertThat(SavePipeline.savedFile(new ChangeSet(project, Set.of(), Set.of()))).isNull();
    }
}
