package dev.relive.hvr.internal.save;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
 * waits for the text. A template the developer really emptied is still applied, empty.
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
        Files.writeString(file, ""); // the editor's truncation; its write comes a few milliseconds later
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(5);
                Files.writeString(file, "<p>Count: {{ count }}</p>");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        save.apply(new ChangeSet(project, Set.of(file), Set.of()), BSN, new SaveTimeline(System.nanoTime()));

        write.get(5, TimeUnit.SECONDS);
        assertThat(templates.template(BSN, "a/View.peb")).isEqualTo("<p>Count: {{ count }}</p>");
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
