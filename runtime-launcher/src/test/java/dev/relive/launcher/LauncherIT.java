package dev.relive.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher jar as a user runs it: a separate process, a free port, a temp working folder. */
class LauncherIT {

    /** For the console, the deploy folder and configuration changes, on a machine that may be busy. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void servesTheIndexPageAndLeavesHvrOutOfProduction() throws Exception {
        // with C2 (the tests' runtimes stop at C1), whose threads a production launch nices until ready at most
        try (LauncherProcess relive = LauncherProcess.start(List.of("-XX:TieredStopAtLevel=4"), dir)) {
            var index = relive.get("/");
            assertThat(index.statusCode()).isEqualTo(200);
            // production lists the routes, not which classes and bundles serve them
            assertThat(index.body()).contains("<h1>Relive</h1>", "href=\"/counter\"")
                    .doesNotContain("dev.relive.examples.counter.CounterView", "Child views");
            assertThat(index.body()).as("nor the routes behind a sign-in").doesNotContain("/account");
            assertThat(relive.get("/no/such/view").statusCode()).isEqualTo(404);

            String lb = relive.commandUntil("lb", l -> l.contains("Relive runtime"), WAIT);
            assertThat(lb).contains("Active");
            relive.run("lb", l -> l.contains("Apache Felix Http Jetty"), WAIT);
            assertThat(relive.stdout()).doesNotContain("Relive Hot View Replacement");
            relive.run("hvr:status", l -> l.contains("Command not found: hvr:status"), WAIT);
            assertThat(Files.isDirectory(dir.resolve("deploy"))).isTrue();
            if (Files.isDirectory(Path.of("/proc/self/task"))) {
                // C2's priority is given back once ready (or was never lowered); C1's is never touched
                long deadline = System.nanoTime() + WAIT.toNanos();
                List<Integer> nice = compilerThreadNiceness(relive.process().pid(), "C2 ");
                while (!nice.stream().allMatch(n -> n == 0) && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                    nice = compilerThreadNiceness(relive.process().pid(), "C2 ");
                }
                assertThat(nice).as("production's optimizing compiler after ready").isNotEmpty().containsOnly(0);
                assertThat(compilerThreadNiceness(relive.process().pid(), "C1 ")).isNotEmpty().containsOnly(0);
            }
        }
    }

    @Test
    void devRunHasHvrStatus() throws Exception {
        // with C2 (the tests' runtimes stop at C1), whose threads the dev launcher nices
        try (LauncherProcess relive = LauncherProcess.start(List.of("-XX:TieredStopAtLevel=4"), dir, "--dev",
                "--workspace", dir.toString())) {
            relive.commandUntil("hvr:status", l -> l.startsWith("HVR: enabled"), WAIT);
            // the whole workspace is watched: bundle projects are found anywhere in it
            relive.waitForOutput(l -> l.strip().equals(dir.toString()), WAIT);
            relive.run("lb", l -> l.contains("Relive Hot View Replacement") && l.contains("Active"), WAIT);
            // an edited script is fetched again with the next page: nothing is cached in dev
            assertThat(relive.get("/relive/client/index.js").headers().firstValue("Cache-Control"))
                    .hasValue("no-store");
            if (Files.isDirectory(Path.of("/proc/self/task"))) {
                // dev nices C2's compiler threads as it starts, so that the launch and saves come first; C1's keep theirs
                long deadline = System.nanoTime() + WAIT.toNanos();
                List<Integer> nice = compilerThreadNiceness(relive.process().pid(), "C2 ");
                while (!nice.stream().allMatch(n -> n == LaunchOptions.DEFAULT_JIT_NICE)
                        && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                    nice = compilerThreadNiceness(relive.process().pid(), "C2 ");
                }
                assertThat(nice).isNotEmpty().containsOnly(LaunchOptions.DEFAULT_JIT_NICE);
                assertThat(compilerThreadNiceness(relive.process().pid(), "C1 ")).isNotEmpty().containsOnly(0);
            }
        }
    }

    @Test
    void aProductionLaunchWithoutReniceSaysNothingOfIt() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only, as the launcher's lowering");
        Path empty = Files.createDirectory(dir.resolve("empty-path"));
        ProcessBuilder command = new ProcessBuilder(LauncherProcess.javaBin(), "-XX:TieredStopAtLevel=4", "-jar",
                LauncherProcess.jar().toString(), "--port", "0", "--deploy", dir.resolve("deploy").toString())
                .directory(dir.toFile());
        // no renice to find: production's lowering of C2 until ready is an optimisation it did not ask for
        command.environment().put("PATH", empty.toString());
        try (LauncherProcess relive = LauncherProcess.start(command)) {
            assertThat(relive.get("/counter").statusCode()).isEqualTo(200);
            Thread.sleep(1000); // the lowering and the restore run on threads of their own
            assertThat(relive.stderr()).doesNotContain("compiler threads");
            assertThat(compilerThreadNiceness(relive.process().pid(), "C2 ")).isNotEmpty().containsOnly(0);
        }
    }

    /**
     * The niceness of each JIT compiler thread of process {@code pid} whose name starts with {@code kind} ("C1 ",
     * "C2 ", "" for all), from {@code /proc} (Linux).
     */
    private static List<Integer> compilerThreadNiceness(long pid, String kind) throws IOException {
        List<Integer> nice = new java.util.ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm"));
                    if (name.startsWith(kind) && name.contains("CompilerThre")) {
                        String stat = Files.readString(task.resolve("stat"));
                        // after "(name) ": state is field 3, nice field 19
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        nice.add(Integer.parseInt(fields[16]));
                    }
                } catch (java.nio.file.NoSuchFileException e) {
                    // the thread ended
                }
            }
        }
        return nice;
    }

    @Test
    void deployFolderInstallsUpdatesAndUninstallsBundles() throws Exception {
        Path v1 = thirdParty("commons-lang3-old.jar");
        Path v2 = thirdParty("commons-lang3-new.jar");
        try (LauncherProcess relive = LauncherProcess.start(dir)) {
            Path target = dir.resolve("deploy/commons-lang3.jar");
            String oldVersion = version(v1);
            String newVersion = version(v2);
            atomicCopy(v1, target);
            relive.commandUntil("lb", l -> l.contains("Apache Commons Lang") && l.contains("Active")
                    && l.contains(oldVersion), WAIT);

            atomicCopy(v2, target);
            relive.commandUntil("lb", l -> l.contains("Apache Commons Lang") && l.contains("Active")
                    && l.contains(newVersion), WAIT);

            Files.delete(target);
            relive.waitForOutput(l -> l.contains("deploy: uninstalled org.apache.commons.lang3"), WAIT);
            relive.run("lb", l -> l.contains("Apache Felix Http Jetty"), WAIT);
            String afterDelete = relive.stdout();
            assertThat(afterDelete.substring(afterDelete.lastIndexOf("START LEVEL"))).doesNotContain("Commons Lang");
        }
    }

    @Test
    void cfgFileReachesConfigAdmin() throws Exception {
        try (LauncherProcess relive = LauncherProcess.start(dir, "--dev", "--workspace", dir.toString())) {
            relive.commandUntil("hvr:status", l -> l.startsWith("HVR: enabled"), WAIT);
            Files.writeString(dir.resolve("deploy/dev.relive.hvr.cfg"), "hvr_enabled=false\n");
            relive.commandUntil("hvr:status", l -> l.startsWith("HVR: disabled"), WAIT);
        }
    }

    /**
     * A bundle in deploy/ that the launcher jar packs too (left there by hvr:install before the application packed
     * it) is named with what to do.
     */
    @Test
    void aBundleInDeployThatTheLauncherPacksTooIsNamedWithWhatToDo() throws Exception {
        try (LauncherProcess relive = LauncherProcess.start(dir)) {
            Path packed = LauncherProcess.jar().getParent().resolve("classes/bundles/app/dev.relive.examples.counter.jar");
            atomicCopy(packed, dir.resolve("deploy/counter-copy.jar"));
            String warning = relive.waitForLog(l -> l.contains("counter-copy.jar holds dev.relive.examples.counter"),
                    WAIT);
            assertThat(warning).contains("which the launcher jar packs too", "delete " + dir.resolve("deploy"));
            assertThat(relive.get("/counter").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void garbageJarIsReportedAndNothingElseIsDisturbed() throws Exception {
        try (LauncherProcess relive = LauncherProcess.start(dir)) {
            Files.writeString(dir.resolve("deploy/garbage.jar"), "this is not a jar");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!(relive.stdout() + relive.stderr()).contains("garbage.jar") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(relive.stdout() + relive.stderr()).contains("garbage.jar");
            assertThat(relive.get("/").statusCode()).isEqualTo(200);
            Path v1 = thirdParty("commons-lang3-old.jar");
            atomicCopy(v1, dir.resolve("deploy/lang.jar"));
            relive.commandUntil("lb", l -> l.contains("Apache Commons Lang") && l.contains("Active"), WAIT);
        }
    }

    @Test
    void sigtermStopsAndReleasesThePort() throws Exception {
        try (LauncherProcess relive = LauncherProcess.start(dir, "--dev", "--workspace", dir.toString())) {
            int port = relive.port();
            long t0 = System.nanoTime();
            relive.process().destroy(); // SIGTERM
            // the launcher gives the framework 4 s to stop; the margin is for a loaded machine
            boolean ended = relive.process().waitFor(60, TimeUnit.SECONDS);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            System.out.printf("SIGTERM to exit: %d ms%n", ms);
            assertThat(ended).as("stopped by itself (waited %d ms)", ms).isTrue();
            relive.awaitOutputEnd(Duration.ofSeconds(30));
            assertThat(relive.stderrAtStop()).doesNotContain("Exception");
            assertThat(portIsFree(port)).isTrue();
        }
    }

    /**
     * A second launch on a port in use says so and exits at once, leaving no scratch folder. Before, Jetty logged
     * the bind failure and stopped, and the launch waited 60 s for HTTP and then went on without it.
     */
    @Test
    void aPortInUseEndsTheLaunchAtOnceWithAClearError() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Process launch = new ProcessBuilder(LauncherProcess.javaBin(), "-Djava.io.tmpdir=" + tmp, "-jar",
                    LauncherProcess.jar().toString(), "--port", Integer.toString(taken.getLocalPort()), "--deploy",
                    dir.resolve("deploy").toString()).directory(dir.toFile()).redirectErrorStream(true).start();
            try {
                assertThat(launch.waitFor(60, TimeUnit.SECONDS)).as("ended by itself").isTrue();
                String output = new String(launch.getInputStream().readAllBytes());
                assertThat(launch.exitValue()).as(output).isEqualTo(1);
                assertThat(output).contains("relive: cannot listen on 127.0.0.1:" + taken.getLocalPort(), "--port N")
                        .doesNotContain("ready at", "Exception");
                assertThat(scratchFolders(tmp)).isEmpty();
            } finally {
                launch.destroyForcibly();
            }
        }
    }

    @Test
    void sigtermLeavesNoScratchFolderBehind() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        ProcessBuilder command = launchWithTemporaryFolder(tmp);
        try (LauncherProcess relive = LauncherProcess.start(command)) {
            assertThat(scratchFolders(tmp)).as("the launch's scratch folder while it runs").hasSize(1);
            relive.process().destroy(); // SIGTERM
            assertThat(relive.process().waitFor(60, TimeUnit.SECONDS)).as("stopped by itself").isTrue();
            assertThat(scratchFolders(tmp)).as("scratch folders left in %s", tmp).isEmpty();
        }
    }

    @Test
    void theScratchFolderOfAKilledLaunchIsDeletedByTheNextLaunch() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        ProcessBuilder command = launchWithTemporaryFolder(tmp);
        List<Path> killed;
        try (LauncherProcess relive = LauncherProcess.start(command)) {
            killed = scratchFolders(tmp);
            relive.process().destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
        }
        assertThat(killed).hasSize(1);
        assertThat(scratchFolders(tmp)).as("left by the killed launch").isEqualTo(killed);
        try (LauncherProcess relive = LauncherProcess.start(command)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (Files.exists(killed.get(0)) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(killed.get(0)).as("deleted after the next launch's ready").doesNotExist();
            assertThat(scratchFolders(tmp)).as("the running launch's own").hasSize(1).doesNotContainAnyElementsOf(killed);
        }
    }

    @Test
    void gogoStopZeroStopsTheRuntime() throws Exception {
        try (LauncherProcess relive = LauncherProcess.start(dir)) {
            // the console's bundles start after "ready": a command sent before is read once they are up
            relive.command("stop 0");
            assertThat(relive.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            relive.awaitOutputEnd(Duration.ofSeconds(30));
            assertThat(relive.stderrAtStop()).doesNotContain("Exception");
        }
    }

    /** {@code java -jar relive.jar --port 0} in {@code dir}, with {@code tmp} as the JVM's temporary folder. */
    private ProcessBuilder launchWithTemporaryFolder(Path tmp) {
        return new ProcessBuilder(LauncherProcess.javaBin(), "-Djava.io.tmpdir=" + tmp, "-jar",
                LauncherProcess.jar().toString(), "--port", "0", "--deploy", dir.resolve("deploy").toString())
                .directory(dir.toFile());
    }

    private static List<Path> scratchFolders(Path tmp) throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(f -> f.getFileName().toString().startsWith("relive-")).toList();
        }
    }

    private static boolean portIsFree(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return true;
        }
    }

    private static Path thirdParty(String name) {
        return LauncherProcess.thirdParty().resolve(name);
    }

    private static String version(Path jar) throws IOException {
        try (var j = new java.util.jar.JarFile(jar.toFile())) {
            return j.getManifest().getMainAttributes().getValue("Bundle-Version");
        }
    }

    /** Writes like a careful tool: to a hidden file first, then renamed into place. */
    private static void atomicCopy(Path from, Path to) throws IOException {
        Path tmp = to.resolveSibling("." + to.getFileName() + ".tmp");
        Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
