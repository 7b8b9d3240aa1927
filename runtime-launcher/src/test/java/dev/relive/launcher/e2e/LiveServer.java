package dev.relive.launcher.e2e;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

import dev.relive.launcher.DevWorkspace;
import dev.relive.launcher.LauncherProcess;
import dev.relive.runtime.internal.auth.PasswordHash;

/**
 * The launcher jar in dev mode ({@code --dev}) as a separate process on a free port, with a workspace of its own: a
 * copy of the repository's example bundle projects that Hot View Replacement watches, so that a test may edit and
 * save a view's source there without touching the repository.
 */
public final class LiveServer implements AutoCloseable {

    /** Every page of the examples, as its route. */
    public static final List<String> ROUTES = List.of("/counter", "/form", "/tabs", "/list", "/dashboard",
            "/dashboard/details", "/chart", "/upload");

    /** The pages only a signed-in user sees; others are sent to the login page. */
    public static final List<String> SIGNED_IN_ROUTES = List.of("/account", "/tasks");

    /** The users configured in the deploy folder, by name; each one's password is the name followed by {@code -pw}. */
    public static final List<String> USERS = List.of("alice", "bert", "carol");

    private final Path dir;
    private final Path workspace;
    private final LauncherProcess launcher;

    private LiveServer(Path dir, Path workspace, LauncherProcess launcher) {
        this.dir = dir;
        this.workspace = workspace;
        this.launcher = launcher;
    }

    /** Copies the examples into a temp workspace and starts {@code relive.jar --dev --workspace COPY}. */
    public static LiveServer start() throws Exception {
        Path dir = Files.createTempDirectory("relive-e2e");
        Path workspace = dir.resolve("workspace");
        LauncherProcess launcher;
        try {
            Files.createDirectories(dir.resolve("deploy"));
            configureUsers(dir.resolve("deploy"));
            DevWorkspace.configureTestWarmUp(dir.resolve("deploy"));
            copyExamples(repositoryRoot(), workspace);
            launcher = LauncherProcess.start(dir, "--dev", "--workspace", workspace.toString());
        } catch (Exception | Error e) {
            Browser.deleteTree(dir); // the copy or the launch failed: nothing else will delete the folder
            throw e;
        }
        LiveServer server = new LiveServer(dir, workspace, launcher);
        try {
            for (String route : ROUTES) {
                server.awaitRoute(route, 200);
            }
            for (String route : SIGNED_IN_ROUTES) {
                server.awaitRoute(route, 303);
            }
            for (String user : USERS) {
                launcher.waitForLog(line -> line.contains("User " + user + " configured"), LauncherProcess.PAGE);
            }
        } catch (Throwable t) {
            server.close();
            throw t;
        }
        return server;
    }

    /** The repository the tests run in (failsafe passes {@code relive.root}; else the parent of the module). */
    static Path repositoryRoot() {
        String root = System.getProperty("relive.root");
        Path path = root != null && !root.isBlank() ? Path.of(root) : Path.of("..");
        return path.toAbsolutePath().normalize();
    }

    /**
     * Copies the repository's shared build files and its {@code bundles/dev.relive.examples.*} projects (sources,
     * {@code pom.xml}, {@code bnd.bnd}; no {@code target/}) into {@code workspace}, with their times: the sources the
     * launcher jar was built from, older than it, so that the dev runtime does not build them again at its start.
     */
    static void copyExamples(Path root, Path workspace) throws IOException {
        Files.createDirectories(workspace.resolve("bundles"));
        for (String file : List.of("pom.xml", "bnd.bnd")) {
            if (Files.exists(root.resolve(file))) {
                Files.copy(root.resolve(file), workspace.resolve(file), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        if (Files.isDirectory(root.resolve("cnf"))) {
            copyTree(root.resolve("cnf"), workspace.resolve("cnf"));
        }
        try (var bundles = Files.list(root.resolve("bundles"))) {
            for (Path project : bundles.filter(p -> p.getFileName().toString().startsWith("dev.relive.examples."))
                    .toList()) {
                Path to = workspace.resolve("bundles").resolve(project.getFileName());
                Files.createDirectories(to);
                for (String file : List.of("pom.xml", "bnd.bnd")) {
                    if (Files.exists(project.resolve(file))) {
                        Files.copy(project.resolve(file), to.resolve(file), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
                if (Files.isDirectory(project.resolve("src"))) {
                    copyTree(project.resolve("src"), to.resolve("src"));
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Files.copy(f, to.resolve(from.relativize(f).toString()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Opens {@code path} (a page for signed-in users) in {@code browser}, signing in as {@code user} (one of
     * {@link #USERS}) when the page sends the browser to the login form; returns once the browser shows {@code path}.
     */
    public void openSignedIn(Browser browser, String user, String path) {
        browser.driver().get(url(path));
        browser.waitUntil("the page or the login form", () -> browser.path().equals(path)
                || browser.path().equals("/login"));
        if (browser.path().equals("/login")) {
            browser.find("#login-name").sendKeys(user);
            browser.find("#login-password").sendKeys(user + "-pw");
            browser.click("#login-submit");
            browser.waitUntil("signed in, on " + path, () -> browser.path().equals(path));
        }
    }

    /** Waits until {@code path} answers 200 (a page of a bundle the runtime may still be starting). */
    public void awaitPage(String path) throws Exception {
        awaitRoute(path, 200);
    }

    /**
     * Users for the tests that sign in (see {@link #USERS}), with hashes of fewer rounds than production's so that
     * signing in is quick, and a login limit the tests' many sign-ins from one address stay under.
     */
    private static void configureUsers(Path deploy) throws IOException {
        for (String user : USERS) {
            String name = Character.toUpperCase(user.charAt(0)) + user.substring(1);
            Files.writeString(deploy.resolve("dev.relive.users-" + user + ".cfg"), "name=" + user + "\ndisplay_name="
                    + name + "\nroles=user\npassword_hash=" + PasswordHash.of((user + "-pw").toCharArray(), 20_000)
                    + "\n");
        }
        Files.writeString(deploy.resolve("dev.relive.runtime.cfg"), "login_attempts_per_minute=1000\n");
    }

    private void awaitRoute(String path, int status) throws Exception {
        launcher.awaitStatus(path, status, LauncherProcess.PAGE);
    }

    /**
     * Kills the runtime (no clean stop) and starts it again on the same port and workspace, as after a crash; the
     * returned server replaces this one (close only the returned one).
     */
    public LiveServer killAndRestart() throws Exception {
        int port = launcher.port();
        launcher.process().destroyForcibly().waitFor();
        LauncherProcess again = LauncherProcess.start(dir, "--dev", "--workspace", workspace.toString(), "--port",
                Integer.toString(port));
        LiveServer server = new LiveServer(dir, workspace, again);
        server.awaitRoute("/counter", 200);
        return server;
    }

    /** The absolute URL of {@code path} (which starts with {@code /}). */
    public String url(String path) {
        return launcher.baseUrl().replaceAll("/$", "") + path;
    }

    /** The watched deploy folder: a {@code .cfg} file written there configures the running runtime. */
    public Path deployDir() {
        return dir.resolve("deploy");
    }

    public LauncherProcess launcher() {
        return launcher;
    }

    /** The workspace HVR watches: {@code bundles/dev.relive.examples.*} copied from the repository. */
    public Path workspace() {
        return workspace;
    }

    /** The source file {@code relative} (e.g. {@code src/main/java/...}) of the example bundle {@code bundle}. */
    public Path source(String bundle, String relative) {
        return workspace.resolve("bundles").resolve(bundle).resolve(relative);
    }

    @Override
    public void close() throws Exception {
        try {
            launcher.close();
        } finally {
            Browser.deleteTree(dir);
        }
    }
}
