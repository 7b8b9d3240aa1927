package dev.relive.starter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Commands the user of a generated project types: Maven builds and the app jar, their output kept in a log file. */
final class Processes {

    private static final Pattern READY = Pattern.compile("relive: ready at (http://\\S+)");

    private final Path logs;
    private final List<Process> started = new ArrayList<>();

    Processes(Path logs) {
        this.logs = logs;
    }

    /** Runs Maven offline against {@code repository}; fails with the log's tail when it fails. */
    void maven(Path dir, Path repository, String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(mavenExecutable(), "-B", "-o", "-q",
                "-Dmaven.repo.local=" + repository));
        command.addAll(List.of(args));
        Path log = logs.resolve(name + ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        started.add(p);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(name + " did not finish in 5 minutes:\n" + tail(log));
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(name + " failed (" + String.join(" ", command) + "):\n" + tail(log));
        }
    }

    /** Starts {@code java -jar jar args} in {@code dir} and returns the URL it prints when HTTP answers. */
    String startApp(Path dir, Path jar, String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path log = logs.resolve(name + ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        started.add(p);
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = READY.matcher(Files.readString(log));
            if (m.find()) {
                return m.group(1);
            }
            if (!p.isAlive()) {
                throw new AssertionError(name + " exited with " + p.exitValue() + ":\n" + tail(log));
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " not ready within 180 s:\n" + tail(log));
    }

    String log(String name) throws IOException {
        return tail(logs.resolve(name + ".log"));
    }

    /** Stops every process started here (SIGTERM, then a kill), newest first. */
    void stopAll() throws InterruptedException {
        for (int i = started.size() - 1; i >= 0; i--) {
            Process p = started.get(i);
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        started.clear();
    }

    private static String mavenExecutable() {
        String home = System.getProperty("maven.home");
        Path mvn = home == null ? null : Path.of(home, "bin", "mvn");
        return mvn != null && Files.isExecutable(mvn) ? mvn.toString() : "mvn";
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no output)";
        }
        String text = Files.readString(log);
        return text.length() > 6000 ? "..." + text.substring(text.length() - 6000) : text;
    }
}
