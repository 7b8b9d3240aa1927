package dev.relive.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A temp copy of the project's workspace (root bnd.bnd, cnf/, the test bundles' sources) with the built test bundles
 * in its deploy folder, and a dev-mode launcher running on it, so that tests can edit sources as a developer does.
 */
public final class DevWorkspace implements AutoCloseable {

    private static final Path ROOT = Path.of(System.getProperty("relive.root", "..")).toAbsolutePath().normalize();

    /** Where the copied projects go by default: the repository's layout. */
    private static final Map<String, String> REPOSITORY_LAYOUT = Map.of("dev.relive.testlib",
            "bundles/dev.relive.testlib", "dev.relive.testviews", "bundles/dev.relive.testviews");

    /**
     * The HVR warm-up's builds ({@code warm_up_builds}) in the workspaces of the tests, which set the property
     * {@value #WARM_UP_PROPERTY}: their JIT warm-up only costs them time. Unset (the benchmarks): the runtime's
     * default, as a developer gets it.
     */
    public static final String WARM_UP_PROPERTY = "relive.it.warmUpBuilds";

    private final Path dir;
    private final Map<String, String> folders;
    private boolean warmUp;
    private String[] args;
    private List<String> javaOptions = List.of();
    private LauncherProcess relive;

    private DevWorkspace(Path dir, Map<String, String> folders) {
        this.dir = dir;
        this.folders = folders;
    }

    /** Copies the workspace and starts {@code relive.jar --dev} on it; waits until {@code route} renders. */
    public static DevWorkspace start(String route, String... extraArgs) throws Exception {
        return start(route, REPOSITORY_LAYOUT, extraArgs);
    }

    /** As {@link #start(String, String...)}, with HVR's warm-up as a developer gets it, whatever the tests set. */
    public static DevWorkspace startWithWarmUp(String route) throws Exception {
        DevWorkspace ws = new DevWorkspace(Files.createTempDirectory("relive-ws"), REPOSITORY_LAYOUT);
        ws.warmUp = true;
        ws.copyOrDelete();
        ws.args = new String[] {"--dev", "--workspace", ws.dir.toString()};
        return ws.launch(route);
    }

    /**
     * As {@link #start(String, String...)}, with the test projects copied to {@code folders} (project name to a
     * folder relative to the workspace, two levels deep as their bnd.bnd includes {@code ../../bnd.bnd}).
     */
    public static DevWorkspace start(String route, Map<String, String> folders, String... extraArgs)
            throws Exception {
        DevWorkspace ws = new DevWorkspace(Files.createTempDirectory("relive-ws"), folders);
        ws.copyOrDelete();
        String[] args = new String[extraArgs.length + 3];
        args[0] = "--dev";
        args[1] = "--workspace";
        args[2] = ws.dir.toString();
        System.arraycopy(extraArgs, 0, args, 3, extraArgs.length);
        ws.args = args;
        return ws.launch(route);
    }

    /**
     * As {@link #start(String, String...)}, with {@code runtimeConfig} (lines of {@code key=value}) as the runtime's
     * configuration file in the deploy folder from the first start.
     */
    public static DevWorkspace startConfigured(String route, String runtimeConfig) throws Exception {
        return startConfigured(route, runtimeConfig, List.of());
    }

    /** As {@link #startConfigured(String, String)}, with {@code javaOptions} given to the runtime's JVM. */
    public static DevWorkspace startConfigured(String route, String runtimeConfig, List<String> javaOptions)
            throws Exception {
        DevWorkspace ws = new DevWorkspace(Files.createTempDirectory("relive-ws"), REPOSITORY_LAYOUT);
        ws.copyOrDelete();
        Files.writeString(ws.dir.resolve("deploy/dev.relive.runtime.cfg"), runtimeConfig);
        ws.args = new String[] {"--dev", "--workspace", ws.dir.toString()};
        ws.javaOptions = List.copyOf(javaOptions);
        return ws.launch(route);
    }

    /** Copies the workspace into the folder; on a failure, deletes the folder. */
    private void copyOrDelete() throws Exception {
        try {
            copy();
        } catch (Throwable t) {
            close();
            throw t;
        }
    }

    /** Starts the launcher and waits for {@code route}; on a failure, stops it and deletes the folder. */
    private DevWorkspace launch(String route) throws Exception {
        try {
            relive = LauncherProcess.start(javaOptions, dir, args);
            awaitRoute(route);
            return this;
        } catch (Throwable t) {
            close();
            throw t;
        }
    }

    /** Stops the launcher and starts it again on the same folder, as a developer does; waits until {@code route}. */
    public void restart(String route) throws Exception {
        relive.close();
        relive = LauncherProcess.start(javaOptions, dir, args);
        awaitRoute(route);
    }

    private void copy() throws IOException {
        Files.copy(ROOT.resolve("bnd.bnd"), dir.resolve("bnd.bnd"));
        copyTree(ROOT.resolve("cnf"), dir.resolve("cnf"));
        for (String project : new String[] {"dev.relive.testlib", "dev.relive.testviews"}) {
            Path from = ROOT.resolve("bundles").resolve(project);
            Path to = dir.resolve(folders.get(project));
            copyTree(from.resolve("src/main"), to.resolve("src/main"));
            Files.copy(from.resolve("bnd.bnd"), to.resolve("bnd.bnd"));
            Files.copy(from.resolve("pom.xml"), to.resolve("pom.xml"));
        }
        Files.createDirectories(dir.resolve("deploy"));
        Path thirdParty = LauncherProcess.thirdParty();
        Files.copy(thirdParty.resolve("dev.relive.testlib.jar"), dir.resolve("deploy/dev.relive.testlib.jar"));
        Files.copy(thirdParty.resolve("dev.relive.testviews.jar"), dir.resolve("deploy/dev.relive.testviews.jar"));
        if (!warmUp) {
            configureTestWarmUp(dir.resolve("deploy"));
        }
    }

    /** Writes the tests' {@code warm_up_builds} ({@value #WARM_UP_PROPERTY}) into {@code deploy}, if they set one. */
    public static void configureTestWarmUp(Path deploy) throws IOException {
        String builds = System.getProperty(WARM_UP_PROPERTY);
        if (builds != null) {
            Files.writeString(deploy.resolve("dev.relive.hvr.cfg"), "warm_up_builds=" + builds + "\n");
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    public void awaitRoute(String path) throws Exception {
        relive.awaitPage(path);
    }

    /**
     * Waits (120 s at most) until the runtime's background HVR warm-up is over: from then on saves compile only what
     * changed, with a compiler the JIT has compiled.
     */
    public void awaitWarmUp() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!relive.run("relive:loaded relive-hvr-warmup", l -> l.startsWith("prefix="), Duration.ofSeconds(30))
                .endsWith("threads=0")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the HVR warm-up did not end within 120 s:\n" + relive.stdout());
            }
            Thread.sleep(200);
        }
    }

    public LauncherProcess relive() {
        return relive;
    }

    public Path dir() {
        return dir;
    }

    /** The test views' source file {@code name} (e.g. {@code HvrView.java}). */
    public Path view(String name) {
        String folder = name.endsWith(".peb") ? "resources" : "java";
        return dir.resolve(folders.get("dev.relive.testviews")).resolve("src/main/" + folder + "/dev/relive/testviews/"
                + name);
    }

    public Path lib(String name) {
        return dir.resolve(folders.get("dev.relive.testlib") + "/src/main/java/dev/relive/testlib/" + name);
    }

    /** Replaces {@code from} by {@code to} in {@code file} and saves it as an editor does (temp file + rename). */
    public void edit(Path file, String from, String to) throws IOException {
        EditorSaves.edit(file, from, to);
    }

    public void save(Path file, String text) throws IOException {
        EditorSaves.save(file, text);
    }

    @Override
    public void close() throws Exception {
        if (relive != null) {
            relive.close();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
