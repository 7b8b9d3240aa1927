package dev.relive.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Issue 13: the {@code relive} start script records a class sharing archive under {@code .relive/jvm} on the first
 * launch (written when it stops), maps that archive on the next launch, and records a new one, deleting the old, once
 * the launcher jar changed. Runs with the JDK that runs the tests.
 */
class Issue13StartScriptIT {

    @Test
    void theArchiveIsRecordedOnceUsedNextAndRecordedAgainForAChangedJar() throws Exception {
        Path dir = Files.createTempDirectory("relive-issue13-script");
        Path jar = dir.resolve("relive.jar");
        Files.copy(LauncherProcess.jar(), jar);
        Files.createDirectories(dir.resolve("deploy"));
        try {
            List<String> recording = launch(dir, jar);
            Path archive = onlyArchive(dir);
            assertThat(String.join(" ", recording)).as("the first launch names the archive it records")
                    .contains(archive.toString());

            List<String> mapping = launch(dir, jar);
            assertThat(onlyArchive(dir)).isEqualTo(archive);
            assertThat(mapping).as("the second launch maps the archive")
                    .anyMatch(a -> a.endsWith("=" + archive) && !a.startsWith("-XX:ArchiveClassesAtExit")
                            && !a.startsWith("-XX:AOTCacheOutput"));

            Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
            launch(dir, jar);
            Path renewed = onlyArchive(dir);
            assertThat(renewed).as("a changed jar gets an archive of its own, the old one deleted").isNotEqualTo(archive);
            assertThat(archive).doesNotExist();
        } finally {
            TestFolders.deleteTree(dir);
        }
    }

    /** Launches by the script, waits for ready, stops with SIGTERM and waits for the end; returns the JVM's arguments. */
    private static List<String> launch(Path dir, Path jar) throws Exception {
        Path script = Path.of(System.getProperty("relive.root", "..")).resolve("runtime-launcher/relive");
        ProcessBuilder command = new ProcessBuilder("sh", script.toString(), "--port", "0", "--deploy",
                dir.resolve("deploy").toString()).directory(dir.toFile());
        command.environment().put("RELIVE_JAR", jar.toString());
        command.environment().put("JAVA_HOME", System.getProperty("java.home"));
        command.environment().remove("JAVA_OPTS");
        command.environment().remove("RELIVE_CDS");
        try (LauncherProcess relive = LauncherProcess.start(command)) {
            List<String> arguments = relive.process().toHandle().info().arguments().map(List::of).orElseThrow();
            // a signal only: the output stays read while the archive is written on the way out
            relive.process().toHandle().destroy();
            assertThat(relive.process().waitFor(300, TimeUnit.SECONDS)).as("stopped").isTrue();
            return arguments;
        }
    }

    private static Path onlyArchive(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve(".relive/jvm"))) {
            List<Path> archives = files.map(f -> Path.of(".relive/jvm").resolve(f.getFileName())).toList();
            assertThat(archives).as("archives in .relive/jvm").hasSize(1);
            return archives.get(0);
        }
    }
}
