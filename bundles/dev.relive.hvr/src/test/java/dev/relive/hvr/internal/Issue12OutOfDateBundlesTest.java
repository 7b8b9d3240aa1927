package dev.relive.hvr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Hashtable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

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

    /**
     * A bundle the launcher packs is as old as the launcher's jar, not as its install: a restart after an HVR save
     * installs it into a fresh bundle cache, and the sources saved before must still be found newer than it (they
     * were not, and the restart ran the code of the jar).
     */
    @Test
    void aPackedBundleInstalledJustNowIsOutOfDateWhenItsSourcesAreNewerThanTheLauncherJar(@TempDir Path dir)
            throws Exception {
        Files.writeString(project.resolve("bnd.bnd"), "");
        Path view = project.resolve("src/main/java/a/View.java");
        Files.createDirectories(view.getParent());
        Files.writeString(view, "class View {}");
        Instant saved = Files.getLastModifiedTime(view).toInstant();
        Path launcherJar = dir.resolve("hello.jar");
        Files.writeString(launcherJar, "jar");
        Files.setLastModifiedTime(launcherJar, FileTime.from(saved.minusSeconds(60)));
        Bundle installedJustNow = bundle("relive:bundles/app/hello-views.jar", saved.plusSeconds(30));

        assertThat(new OutOfDateBundles(launcherJar).isOutOfDate(project, installedJustNow)).isTrue();
        Files.setLastModifiedTime(launcherJar, FileTime.from(saved.plusSeconds(10)));
        assertThat(new OutOfDateBundles(launcherJar).isOutOfDate(project, installedJustNow)).isFalse();

        Path folder = dir.resolve("classes");
        Path packed = folder.resolve("bundles/app/hello-views.jar");
        Files.createDirectories(packed.getParent());
        Files.writeString(packed, "jar");
        Files.setLastModifiedTime(packed, FileTime.from(saved.minusSeconds(60)));
        assertThat(new OutOfDateBundles(folder).isOutOfDate(project, installedJustNow)).isTrue();
        assertThat(OutOfDateBundles.ofLauncher(null).isOutOfDate(project, installedJustNow)).isFalse();
    }

    private static Bundle bundle(String location, Instant installed) {
        return (Bundle) java.lang.reflect.Proxy.newProxyInstance(Bundle.class.getClassLoader(),
                new Class<?>[] {Bundle.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getLocation" -> location;
                    case "getLastModified" -> installed.toEpochMilli();
                    case "getHeaders" -> new Hashtable<String, String>();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
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
