package dev.relive.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The launcher jar running as a separate process on a free port, in a working folder of the test's, with its
 * standard input open for Gogo commands and its output collected.
 *
 * <p>A launcher that does not get ready is stopped before the failure is thrown, and every launcher still running
 * when the test JVM exits (a test that never closed it, a run cut short) is stopped then, so that no process outlives
 * the run holding its port and folders.
 */
public final class LauncherProcess implements AutoCloseable {

    /**
     * How long a start may take until {@code ready at}: a few seconds on an idle machine, 10 to 15 s on a loaded one,
     * 40 to over 60 s on 2 cores with a load of 30 to 40 (measured); the rest is margin.
     */
    public static final Duration START = Duration.ofSeconds(180);
    /** How long a page may take to answer as expected once the launcher is ready (its bundles may still start). */
    public static final Duration PAGE = Duration.ofSeconds(120);

    private static final Pattern READY = Pattern.compile("ready at (http://[^ ]+/)");
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "launcher-process-reaper"));
    }

    private final Process process;
    private final OutputStream stdin;
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    private final List<Thread> readers = new ArrayList<>();
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LauncherProcess(Process process) throws Exception {
        this.process = process;
        RUNNING.add(process);
        this.stdin = process.getOutputStream();
        collect(process.getInputStream(), out, "out");
        collect(process.getErrorStream(), err, "err");
        String line;
        try {
            line = waitForOutput(l -> READY.matcher(l).find(), START);
        } catch (Throwable t) {
            stop();
            throw t;
        }
        Matcher m = READY.matcher(line);
        m.find();
        this.baseUrl = m.group(1);
    }

    /**
     * Puts the test views and the library they import ({@link #thirdParty}) into {@code dir}'s {@code deploy} folder,
     * made if missing, for a runtime started there.
     */
    public static void deployTestViews(Path dir) throws IOException {
        Path deploy = Files.createDirectories(dir.resolve("deploy"));
        Files.copy(thirdParty().resolve("dev.relive.testlib.jar"), deploy.resolve("testlib.jar"));
        Files.copy(thirdParty().resolve("dev.relive.testviews.jar"), deploy.resolve("testviews.jar"));
    }

    /** Starts {@code java -jar relive.jar --port 0 --deploy DIR/deploy ARGS} in {@code dir}. */
    public static LauncherProcess start(Path dir, String... args) throws Exception {
        return launch(jar(), dir, dir.resolve("deploy"), args);
    }

    /** As {@link #start}, with another launcher jar. */
    public static LauncherProcess startJar(Path jar, Path dir, String... args) throws Exception {
        return launch(jar, dir, dir.resolve("deploy"), args);
    }

    /**
     * Starts {@code java -jar relive.jar --port 0 --deploy DEPLOY ARGS} in {@code dir}: the process is the JVM itself,
     * so {@link Process#destroyForcibly()} on it is a {@code kill -9} of the runtime.
     */
    public static LauncherProcess start(Path dir, Path deploy, String... args) throws Exception {
        return launch(jar(), dir, deploy, args);
    }

    /**
     * JVM options of every runtime the tests start, from the property {@code relive.it.javaOptions} (separated by
     * spaces): the integration tests' runtimes live seconds, and C2's compiles would cost them more CPU than they save.
     * Unset (the benchmarks): none, as a user runs it.
     */
    static final List<String> TEST_JAVA_OPTIONS = List.of(System.getProperty("relive.it.javaOptions", "").trim()
            .split("\\s+")).stream().filter(o -> !o.isEmpty()).toList();

    /** As {@link #start(Path, String...)}, with {@code javaOptions} given to the JVM before the jar. */
    public static LauncherProcess start(List<String> javaOptions, Path dir, String... args) throws Exception {
        return launch(javaOptions, jar(), dir, dir.resolve("deploy"), args);
    }

    private static LauncherProcess launch(Path jar, Path dir, Path deploy, String... args) throws Exception {
        return launch(List.of(), jar, dir, deploy, args);
    }

    private static LauncherProcess launch(List<String> javaOptions, Path jar, Path dir, Path deploy, String... args)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of(javaBin()));
        cmd.addAll(TEST_JAVA_OPTIONS);
        cmd.addAll(TestClassArchive.optionsFor(jar));
        cmd.addAll(javaOptions);
        cmd.addAll(List.of("-jar", jar.toString(), "--port", "0", "--deploy", deploy.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
        return new LauncherProcess(p);
    }

    /** Starts a launcher by a command of the caller's (a start script), which must pass {@code --port 0}. */
    public static LauncherProcess start(ProcessBuilder command) throws Exception {
        return new LauncherProcess(command.start());
    }

    public static Path jar() {
        return Path.of(System.getProperty("relive.jar", "target/relive.jar")).toAbsolutePath();
    }

    /**
     * The test bundles and third-party jars the build puts beside the launcher jar ({@code third-party/}); for a jar
     * copied elsewhere without them (a benchmark's {@code --before OTHER.jar}), this build's.
     */
    public static Path thirdParty() {
        Path beside = jar().getParent().resolve("third-party");
        if (Files.isDirectory(beside)) {
            return beside;
        }
        Path root = Path.of(System.getProperty("relive.root", "..")).toAbsolutePath();
        return root.resolve("runtime-launcher/target/third-party").normalize();
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void collect(InputStream in, List<String> sink, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (this) {
                        sink.add(line);
                        notifyAll();
                    }
                }
            } catch (IOException e) {
                // process ended
            }
        }, "launcher-" + name);
        t.setDaemon(true);
        t.start();
        readers.add(t);
    }

    /**
     * Waits until the process has ended and all its output is read, so that a check of what it printed sees the last
     * line too; fails after {@code timeout}.
     */
    public void awaitOutputEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread reader : readers) {
            reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (reader.isAlive()) {
                throw new AssertionError("the launcher's output did not end within " + timeout);
            }
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return URI.create(baseUrl).getPort();
    }

    public Process process() {
        return process;
    }

    /** Sends one Gogo command line. */
    public void command(String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Waits for a line on stdout matching {@code test}, among all lines printed so far. */
    public synchronized String waitForOutput(Predicate<String> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int from = 0;
        while (true) {
            for (int i = from; i < out.size(); i++) {
                if (test.test(out.get(i))) {
                    return out.get(i);
                }
            }
            from = out.size();
            long left = deadline - System.nanoTime();
            if (left <= 0 || !process.isAlive() && from == out.size()) {
                throw new AssertionError("no matching output within " + timeout + "\nstdout:\n" + String.join("\n", out)
                        + "\nstderr:\n" + String.join("\n", err));
            }
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
    }

    /** Waits for a line on stdout or stderr (where the runtime logs) matching {@code test}. */
    public synchronized String waitForLog(Predicate<String> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (List<String> lines : List.of(out, err)) {
                for (String line : lines) {
                    if (test.test(line)) {
                        return line;
                    }
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching log line within " + timeout + "\nstdout:\n"
                        + String.join("\n", out) + "\nstderr:\n" + String.join("\n", err));
            }
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
    }

    /** Sends {@code command} and waits for a matching line printed after it was sent. */
    public String run(String command, Predicate<String> test, Duration timeout) throws Exception {
        int mark = mark();
        command(command);
        return waitForOutputAfter(mark, test, timeout);
    }

    /** The current end of output, for {@link #waitForOutputAfter}. */
    public synchronized int mark() {
        return out.size();
    }

    /** Waits for a matching line printed after {@code mark}. */
    public String waitForOutputAfter(int mark, Predicate<String> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                for (int i = mark; i < out.size(); i++) {
                    if (test.test(out.get(i))) {
                        return out.get(i);
                    }
                }
                mark = out.size();
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching output within " + timeout + "\nstdout:\n"
                            + String.join("\n", out) + "\nstderr:\n" + String.join("\n", err));
                }
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /**
     * Runs {@code command} repeatedly until a line matching {@code test} appears after it. Each try waits twice as
     * long as the one before (from 300 ms up to 5 s), so that a console slowed down by a loaded machine is not sent
     * commands faster than it runs them.
     */
    public String commandUntil(String command, Predicate<String> test, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long tryMillis = 300;
        while (true) {
            try {
                return run(command, test, Duration.ofMillis(tryMillis));
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                tryMillis = Math.min(5_000, tryMillis * 2);
            }
        }
    }

    public synchronized String stdout() {
        return String.join("\n", out);
    }

    public synchronized String stderr() {
        return String.join("\n", err);
    }

    /**
     * Standard error without the trace of a race inside Gogo runtime 1.1.6 at framework stop: its
     * {@code CommandProcessorImpl.stop} copies a {@code WeakHashMap} of sessions into an array sized before the copy,
     * so a session the garbage collector has just cleared (the console shell's profile session) leaves a null that
     * it then closes. What stop prints from Relive's own code stays in.
     */
    public synchronized String stderrAtStop() {
        StringBuilder kept = new StringBuilder();
        boolean inGogoTrace = false;
        for (String line : err) {
            if (line.contains("CommandSession.close()\" because \"session\" is null")) {
                inGogoTrace = true;
                continue;
            }
            if (inGogoTrace && line.stripLeading().startsWith("at ")) {
                continue;
            }
            inGogoTrace = false;
            kept.append(line).append('\n');
        }
        return kept.toString();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl).resolve(path)).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits ({@link #PAGE} at most) until {@code path} answers 200: a page of a bundle that may still be starting. */
    public void awaitPage(String path) throws Exception {
        awaitStatus(path, 200, PAGE);
    }

    /**
     * Waits until {@code path} answers {@code status}, asking again every 100 ms; a request that fails or times out
     * (a loaded machine, bundles being refreshed) counts as a wrong answer, not as the test's failure.
     */
    public void awaitStatus(String path, int status, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (true) {
            try {
                int answer = get(path).statusCode();
                if (answer == status) {
                    return;
                }
                last = "status " + answer;
            } catch (IOException e) {
                last = e.toString();
            }
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError(path + " did not answer " + status + " within " + timeout + " (last: " + last
                        + ")\nstdout:\n" + stdout() + "\nstderr:\n" + stderr());
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    private void stop() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        RUNNING.remove(process);
    }
}
