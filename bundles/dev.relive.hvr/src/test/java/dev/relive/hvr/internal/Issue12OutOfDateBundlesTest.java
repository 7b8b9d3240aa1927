package dev.relive.hvr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 item 6: the jar a bundle location names, to compare its age with the sources'. */
class Issue12OutOfDateBundlesTest {

    @TempDir
    Path project;

    /**
     * A source written after the watcher started is a save: the out-of-date build leaves it to the watcher, which
     * names the saved file. Before, the two raced, and the swap a developer's first save caused could name
     * {@code bnd.bnd}.
     */
    @Test
    void aProjectSavedSinceTheWatcherStartedIsLeftToItsSave() throws Exception {
        Files.writeString(project.resolve("bnd.bnd"), "");
        Path view = project.resolve("src/main/java/a/View.java");
        Files.createDirectories(view.getParent());
        Files.writeString(view, "class View {}");
        Instant written = Files.getLastModifiedTime(view).toInstant();

        assertThat(OutOfDateBundles.savedSince(project, FileTime.from(written.plusSeconds(1)))).isFalse();
        Files.setLastModifiedTime(view, FileTime.from(written.plusSeconds(2)));
        assertThat(OutOfDateBundles.savedSince(project, FileTime.from(written.plusSeconds(1)))).isTrue();
    }

    @Test
    void fileAndReferenceLocationsNameTheirJarOthersNone() {
        Path jar = Path.of("/tmp/deploy/com.example.tasks.jar").toAbsolutePath();
        assertThat(OutOfDateBundles.jarFile(jar.toUri().toString())).isEqualTo(jar);
        assertThat(OutOfDateBundles.jarFile("reference:" + jar.toUri())).isEqualTo(jar);
        assertThat(OutOfDateBundles.jarFile("relive:app/dev.relive.examples.counter.jar")).isNull();
        assertThat(OutOfDateBundles.jarFile("file:not a uri")).isNull();
    }
}
