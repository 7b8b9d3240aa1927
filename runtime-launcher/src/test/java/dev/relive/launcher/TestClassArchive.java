package dev.relive.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A class data archive (CDS) of the launcher jar for the runtimes the integration tests start, as the {@code relive}
 * script makes one for a user's launches: recorded once per test JVM, by a dev launch of its own that loads a page and
 * stops, into the file the property {@value #PROPERTY} names (unset: no archive). The runtimes then map the JDK's,
 * Felix's and the bundles' classes from it instead of loading and verifying them, which takes about half a second of
 * CPU off each of the many launches. The JVM checks the archive when it maps it and runs without it when it does not
 * fit; its log about the archive is off, so the runtimes' output is the same.
 */
final class TestClassArchive {

    static final String PROPERTY = "relive.it.classArchive";
    private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    private static List<String> options; // guarded by the class; null until recorded

    private TestClassArchive() {
    }

    /** The JVM options that map the archive into a launch of {@code jar}: none for another jar than the build's. */
    static synchronized List<String> optionsFor(Path jar) {
        String file = System.getProperty(PROPERTY, "");
        if (file.isBlank() || !jar.equals(LauncherProcess.jar())) {
            return List.of();
        }
        if (options == null) {
            options = record(Path.of(file).toAbsolutePath(), jar);
        }
        return options;
    }

    private static List<String> record(Path archive, Path jar) {
        Path dir = null;
        try {
            Files.deleteIfExists(archive);
            dir = Files.createTempDirectory("relive-it-cds");
            Path deploy = Files.createDirectories(dir.resolve("deploy"));
            List<String> cmd = new ArrayList<>(List.of(LauncherProcess.javaBin()));
            cmd.addAll(LauncherProcess.TEST_JAVA_OPTIONS);
            cmd.add("-XX:ArchiveClassesAtExit=" + archive);
            cmd.addAll(QUIET);
            cmd.addAll(List.of("-jar", jar.toString(), "--port", "0", "--deploy", deploy.toString(), "--dev"));
            try (LauncherProcess recording = LauncherProcess.start(new ProcessBuilder(cmd).directory(dir.toFile()))) {
                recording.get("/");
                recording.process().destroy(); // the archive is written as the JVM exits
                recording.process().waitFor(60, TimeUnit.SECONDS);
            }
            if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
                return List.copyOf(withQuiet("-XX:SharedArchiveFile=" + archive));
            }
            System.err.println("TestClassArchive: no archive recorded in " + archive + ": the runtimes start without");
        } catch (Exception e) {
            System.err.println("TestClassArchive: no archive (" + e + "): the runtimes start without");
        } finally {
            if (dir != null) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (Exception e) {
                    // a temp folder left behind
                }
            }
        }
        return List.of();
    }

    private static List<String> withQuiet(String option) {
        List<String> all = new ArrayList<>(List.of(option));
        all.addAll(QUIET);
        return all;
    }
}
