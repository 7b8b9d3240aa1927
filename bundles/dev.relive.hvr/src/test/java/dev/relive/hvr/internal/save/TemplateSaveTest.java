package dev.relive.hvr.internal.save;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.relive.hvr.internal.watch.ChangeSet;

class TemplateSaveTest {

    private final Path project = Path.of("/ws/bundles/app").toAbsolutePath();
    private final Path template = project.resolve("src/main/resources/a/View.peb");
    private final Path source = project.resolve("src/main/java/a/View.java");

    @Test
    void templateEditsAloneTakeTheTemplatePath() {
        assertThat(TemplateSave.applies(new ChangeSet(project, Set.of(template), Set.of()))).isTrue();
    }

    @Test
    void aJavaSourceADeletionOrATemplateOutsideTheResourcesTakeTheBuild() {
        assertThat(TemplateSave.applies(new ChangeSet(project, Set.of(template, source), Set.of()))).isFalse();
        assertThat(TemplateSave.applies(new ChangeSet(project, Set.of(template), Set.of(source)))).isFalse();
        assertThat(TemplateSave.applies(new ChangeSet(project, Set.of(project.resolve("docs/View.peb")), Set.of())))
                .isFalse();
        assertThat(TemplateSave.applies(new ChangeSet(project, Set.of(), Set.of()))).isFalse();
    }
}
