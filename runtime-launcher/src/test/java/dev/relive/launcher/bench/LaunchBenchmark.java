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
 * {@code ready} line on its output, for the production and the dev run, min and median over the launches, beside a
 * bare {@code java -version} as the floor; and the CPU time the launcher used until then, which a loaded machine does
 * not stretch as it does the wall-clock time. Each mode launches in a folder of its own that is kept between its
 * launches (as a developer's project folder is), so the first launch is reported apart. {@code --compare JAR} launches
 * a second launcher jar the same way, interleaved with the first so that both see the same load.
 *
 * {@code --java-options "OPTIONS"} (repeatable) adds a series of this jar launched with those JVM options, where
 * {@value #CDS} stands for a class data sharing archive of the series' folder that its first launch writes.
 *
 * <pre>
 * mvn -B -q install -DskipTests
 * mvn -B -q -pl runtime-launcher exec:exec@launch -Dbench.args="--runs 5"
 * mvn -B -q -pl runtime-launcher exec:exec@launch -Dbench.args="--runs 5 --java-options {cds} --java-options '{cds} -XX:TieredStopAtLevel=1'"
 * </pre>
 */
public final class LaunchBenchmark {

    private record Series(String label, Path jar, List<String> javaOptions, List<String> args, Path folder,
            List<Launch> first, List<Launch> launches) {
    }

    /** In {@code --java-options}: the launch folder's class data sharing archive, written by the first launch. */
    private static final String CDS = "{cds}";

    /** Wall-clock and CPU milliseconds (all the launcher's threads, JIT and GC included) from spawn to ready. */
    private record Launch(long wallMillis, long cpuMillis) {
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        Path compare = null;
        List<String> javaOptions = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--compare" -> compare = Path.of(args[++i]).toAbsolutePath();
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
                Path folder = Files.createTempDirectory("relive-launch-");
                List<String> launchArgs = mode.equals("dev")
                        ? List.of("--dev", "--workspace", folder.toString()) : List.of();
                series.add(new Series(mode + (jars.size() > 1 ? " (" + jar.getKey() + ")" : ""), jar.getValue(),
                        List.of(), launchArgs, folder, new ArrayList<>(), new ArrayList<>()));
            }
            for (String options : javaOptions) {
                List<String> launchArgs = mode.equals("dev")
                        ? List.of("--dev", "--workspace", Files.createTempDirectory("relive-launch-").toString())
                        : List.of();
                series.add(new Series(mode + " " + options, LauncherProcess.jar(), List.of(options.split(" +")),
                        launchArgs, Files.createTempDirectory("relive-launch-"), new ArrayList<>(),
                        new ArrayList<>()));
            }
        }
        List<Long> floor = new ArrayList<>();
        System.out.printf("Relive launch benchmark: %d launches per mode after a first one, on %s%n", runs,
                System.getProperty("java.version"));
        for (int run = 0; run <= runs; run++) {
            floor.add(javaVersion());
            for (Series s : series) {
                Launch launch = launch(s.jar(), s.folder(), javaOptions(s), s.args());
                (run == 0 ? s.first() : s.launches()).add(launch);
            }
        }
        int width = series.stream().mapToInt(s -> s.label().length()).max().orElse(0) + 2;
        System.out.printf("%-" + width + "s %8s %8s %8s %12s%n", "launch to ready, ms", "first", "min", "median",
                "CPU median");
        System.out.printf("%-" + width + "s %8s %8d %8d%n", "java -version (floor)", "", min(floor), median(floor));
        for (Series s : series) {
            List<Long> wall = s.launches().stream().map(Launch::wallMillis).toList();
            List<Long> cpu = s.launches().stream().map(Launch::cpuMillis).toList();
            System.out.printf("%-" + width + "s %8d %8d %8d %12d%n", s.label(), s.first().get(0).wallMillis(),
                    min(wall), median(wall), median(cpu));
        }
        for (Series s : series) {
            delete(s.folder());
        }
    }

    private static long javaVersion() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(javaBin(), "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    /**
     * The series' JVM options, {@value #CDS} replaced by the folder's archive: written at the end of the first launch
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

    /** Launches once and measures spawn to the ready line; stops the launch after. */
    private static Launch launch(Path jar, Path folder, List<String> javaOptions, List<String> args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(javaBin()));
        cmd.addAll(javaOptions);
        cmd.addAll(List.of("-jar", jar.toString(), "--port", "0"));
        cmd.addAll(args);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(folder.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.contains("relive: ready at ")) {
                    long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                    long cpu = p.toHandle().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
                    return new Launch(wall, cpu);
                }
            }
            throw new IllegalStateException("the launcher ended without a ready line: " + cmd);
        } finally {
            p.destroy(); // a normal exit: a first launch with {cds} writes its archive on the way out
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static long min(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    private static void delete(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
