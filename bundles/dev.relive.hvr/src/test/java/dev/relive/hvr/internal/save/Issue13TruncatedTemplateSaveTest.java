package dev.relive.hvr.internal.save;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.relive.hvr.internal.HvrStatus;
import dev.relive.hvr.internal.watch.ChangeSet;
import dev.relive.runtime.spi.LiveSession;
import dev.relive.runtime.spi.LiveSessions;
import dev.relive.runtime.spi.MountListener;
import dev.relive.runtime.spi.TemplateSource;

/**
 * An editor that saves by truncating the template and then writing it shows the file empty in between. A template
 * save that reads it then must not render the page empty (which re-creates every input the user is typing into): it
 * reads again until the text is there. A template the developer really emptied is still applied, empty, after the
 * wait.
 */
class Issue13TruncatedTemplateSaveTest {

    private static final String BSN = "app";

    @TempDir
    Path project;

    private final TemplateOverrides templates = new TemplateOverrides();
    private final LiveSessions sessions = new LiveSessions() {
        @Override
        public List<LiveSession> sessions() {
            return List.of();
        }

        @Override
        public void setTemplateSource(TemplateSource source) {
        }

        @Override
        public void setMountListener(MountListener listener) {
        }
    };
    private final HvrStatus status = new HvrStatus();
    private final TemplateSave save = new TemplateSave(sessions, status, templates, new BrowserNotices(sessions, status));

    @Test
    void aTemplateReadBetweenTheTruncationAndTheWriteGetsTheWrittenText() throws Exception {
        Path file = template("<p>{{ count }}</p>");
        Files.writeString(file, ""); // the editor's truncation; its write comes while the read waits
        List<String> writes = new ArrayList<>();

        String text = SavedFiles.read(file, Duration.ofMinutes(1), () -> {
            writes.add("write");
            Files.writeString(file, "<p>Count: {{ count }}</p>");
        });

        assertThat(text).isEqualTo("<p>Count: {{ count }}</p>");
        assertThat(writes).hasSize(1);
    }

    @Test
    void aTemplateThatReadsWholeIsReadOnce() throws Exception {
        Path file = template("<p>{{ count }}</p>");

        assertThat(SavedFiles.read(file, Duration.ofMinutes(1), () -> {
            throw new AssertionError("read again");
        })).isEqualTo("<p>{{ count }}</p>");
    }

    @Test
    void aTemplateTheDeveloperEmptiedIsAppliedEmpty() throws Exception {
        Path file = template("<p>{{ count }}</p>");
        Files.writeString(file, "");

        long start = System.nanoTime();
        save.apply(new ChangeSet(project, Set.of(file), Set.of()), BSN, new SaveTimeline(System.nanoTime()));

        assertThat(templates.template(BSN, "a/View.peb")).isEmpty();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(SavedFiles.EMPTY_WAIT.toNanos());
    }

    private Path template(String text) throws Exception {
        Path file = project.resolve("src/main/resources/a/View.peb");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
