package dev.relive.launcher.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.relive.launcher.LauncherProcess;

/**
 * Launch to {@code ready}, JVM start included: the wall-clock time from spawning {@code java -jar relive.jar} to the
 * {@code ready} line on its output, for the production and the dev run, min and median over the launches (and the
 * warm launches' max), beside a bare {@code java -version} as the floor; and the CPU time the launcher used until
 * then, which a loaded machine does not stretch as it does the wall-clock time. Each run launches every series twice
 * in the series' folder: cold (its {@code .relive/} and class data sharing archive deleted first, as on a first
 * launch) and then warm (the bundle cache and the archive left by the cold launch), reported apart.
 * {@code --compare JAR} launches a second launcher jar the same way, interleaved with the first so that both see the
 * same load.
 *
 * {@code --script} adds a series of each jar started by this {@code relive} script (class sharing by the JDK's
 * version), with the JDK that runs the benchmark. {@code --java-options "OPTIONS"} (repeatable) adds a series of this
 * jar launched with those JVM options, where {@value #CDS} stands for a class data sharing archive of the series'
 * folder that its cold launch writes.
 *
 * <pre>
 * mvn -B -q install -DskipTests
 * mvn -B -q -pl runtime-launcher exec:exec@launch -Dbench.args="--runs 5 --script --compare OLD.jar"
 * mvn -B -q -pl runtime-launcher exec:exec@launch -Dbench.args="--runs 5 --java-options {cds} --java-options '{cds} -XX:TieredStopAtLevel=1'"
 * </pre>
 */
public final class LaunchBenchmark {

    /**
     * A launcher jar started with JVM options or by the {@code relive} script, with the launcher's arguments, in a
     * folder of its own, and its launches.
     */
    private record Series(String label, List<String> javaOptions, Path jar, boolean script, List<String> args,
            Path folder, List<Launch> cold, List<Launch> warm) {
    }

    /** In {@code --java-options}: the launch folder's class data sharing archive, written by the cold launch. */
    private static final String CDS = "{cds}";

    /** Wall-clock and CPU milliseconds (all the launcher's threads, JIT and GC included) from spawn to ready. */
    private record Launch(long wallMillis, long cpuMillis) {
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        Path compare = null;
        boolean script = false;
        List<String> javaOptions = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--compare" -> compare = Path.of(args[++i]).toAbsolutePath();
                case "--script" -> script = true;
                case "--java-options" -> javaOptions.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Map<String, Path> jars = new LinkedHashMap<>();
        if (compare != null) {
            jars.put("compared", compare);
        }
        jars.put("this", LauncherProcess.jar());
        List<Series> series = new ArrayList<>();
        for (String mode : List.of("production", "dev")) {
            for (Map.Entry<String, Path> jar : jars.entrySet()) {
                series.add(series(mode + (jars.size() > 1 ? " (" + jar.getKey() + ")" : ""), mode, List.of(),
                        jar.getValue(), false));
            }
            if (script) {
                for (Map.Entry<String, Path> jar : jars.entrySet()) {
                    series.add(series(mode + " (relive script" + (jars.size() > 1 ? ", " + jar.getKey() : "") + ")",
                            mode, List.of(), jar.getValue(), true));
                }
            }
            for (String options : javaOptions) {
                series.add(series(mode + " " + options, mode, List.of(options.split(" +")), LauncherProcess.jar(),
                        false));
            }
        }
        List<Long> floor = new ArrayList<>();
        System.out.printf("Relive launch benchmark: %d cold and %d warm launches per series, on %s%n", runs, runs,
                System.getProperty("java.version"));
        try {
            for (int run = 0; run < runs; run++) {
                floor.add(javaVersion());
                for (Series s : series) {
                    delete(s.folder().resolve(".relive"));
                    Files.deleteIfExists(s.folder().resolve("relive.jsa"));
                    s.cold().add(launch(s));
                    s.warm().add(launch(s));
                }
            }
        } finally {
            for (Series s : series) {
                delete(s.folder()); // a launch that failed leaves nothing behind either
            }
        }
        int width = series.stream().mapToInt(s -> s.label().length()).max().orElse(0) + 2;
        System.out.printf("%-" + width + "s %8s %8s %8s %8s %8s %10s %10s%n", "launch to ready, ms", "cold min",
                "median", "warm min", "median", "max", "CPU cold", "CPU warm");
        System.out.printf("%-" + width + "s %8d %8d%n", "java -version (floor)", min(floor), median(floor));
        for (Series s : series) {
            System.out.printf("%-" + width + "s %8d %8d %8d %8d %8d %10d %10d%n", s.label(), min(wall(s.cold())),
                    median(wall(s.cold())), min(wall(s.warm())), median(wall(s.warm())), max(wall(s.warm())),
                    median(cpu(s.cold())), median(cpu(s.warm())));
        }
        System.out.println("(CPU: median of the launcher's CPU time until ready)");
    }

    private static Series series(String label, String mode, List<String> javaOptions, Path jar, boolean script)
            throws IOException {
        Path folder = Files.createTempDirectory("relive-launch-");
        List<String> args = mode.equals("dev") ? List.of("--dev", "--workspace", folder.toString()) : List.of();
        return new Series(label, javaOptions, jar, script, args, folder, new ArrayList<>(), new ArrayList<>());
    }

    private static List<Long> wall(List<Launch> launches) {
        return launches.stream().map(Launch::wallMillis).toList();
    }

    private static List<Long> cpu(List<Launch> launches) {
        return launches.stream().map(Launch::cpuMillis).toList();
    }

    private static long javaVersion() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(javaBin(), "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    /**
     * The series' JVM options, {@value #CDS} replaced by the folder's archive: written at the end of the cold launch
     * ({@code -XX:ArchiveClassesAtExit}), used by the later ones ({@code -XX:SharedArchiveFile}).
     */
    private static List<String> javaOptions(Series s) {
        Path archive = s.folder().resolve("relive.jsa");
        List<String> options = new ArrayList<>();
        for (String option : s.javaOptions()) {
            if (option.equals(CDS)) {
                options.add(Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive
                        : "-XX:ArchiveClassesAtExit=" + archive);
                options.add("-Xlog:cds=off");
            } else {
                options.add(option);
            }
        }
        return options;
    }

    /**
     * Launches once and measures spawn to the ready line; stops the launch then, and waits for its end (a cold
     * launch that records a class data sharing archive writes it on the way out).
     */
    private static Launch launch(Series s) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        ProcessBuilder builder = new ProcessBuilder(cmd);
        if (s.script()) {
            cmd.addAll(List.of("sh", script().toString()));
            builder.environment().put("RELIVE_JAR", s.jar().toString());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().remove("JAVA_OPTS");
        } else {
            cmd.add(javaBin());
            cmd.addAll(javaOptions(s));
            cmd.addAll(List.of("-jar", s.jar().toString()));
        }
        cmd.addAll(List.of("--port", "0"));
        cmd.addAll(s.args());
        long t0 = System.nanoTime();
        Process p = builder.directory(s.folder().toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        Thread deadline = new Thread(() -> {
            try {
                if (!p.waitFor(300, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }, "launch-deadline");
        deadline.setDaemon(true);
        deadline.start();
        Launch launch = null;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            // read to the end: a cold launch recording an archive still prints while it writes it on the way out,
            // and the JDK's process that assembles an AOT cache fails on a closed output
            String line;
            while ((line = out.readLine()) != null) {
                if (launch == null && line.contains("relive: ready at ")) {
                    long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                    long cpu = p.toHandle().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
                    launch = new Launch(wall, cpu);
                    // SIGTERM, a normal exit that writes a recorded archive; Process.destroy would close the output
                    p.toHandle().destroy();
                }
            }
        } finally {
            p.destroy();
            p.waitFor();
        }
        if (launch == null) {
            throw new IllegalStateException("the launcher ended without a ready line: " + cmd);
        }
        return launch;
    }

    /**
     * The {@code relive} start script: {@code -Drelive.script}, else the launcher module's in the project of
     * {@code -Drelive.root} (which the Maven execution sets), else {@code relive} in the working folder.
     */
    private static Path script() {
        String root = System.getProperty("relive.root");
        Path script = Path.of(System.getProperty("relive.script",
                root != null ? Path.of(root, "runtime-launcher", "relive").toString() : "relive")).toAbsolutePath();
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("no relive start script at " + script + " (set -Drelive.script)");
        }
        return script;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static long min(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
