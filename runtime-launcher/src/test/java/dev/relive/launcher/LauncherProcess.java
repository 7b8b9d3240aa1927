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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The launcher jar running as a separate process on a free port, in a working folder of the test's, with its
 * standard input open for Gogo commands and its output collected.
 */
public final class LauncherProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("ready at (http://[^ ]+/)");

    private final Process process;
    private final OutputStream stdin;
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LauncherProcess(Process process) throws Exception {
        this.process = process;
        this.stdin = process.getOutputStream();
        collect(process.getInputStream(), out, "out");
        collect(process.getErrorStream(), err, "err");
        String line = waitForOutput(l -> READY.matcher(l).find(), Duration.ofSeconds(60));
        Matcher m = READY.matcher(line);
        m.find();
        this.baseUrl = m.group(1);
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

    private static LauncherProcess launch(Path jar, Path dir, Path deploy, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-jar", jar.toString(), "--port", "0",
                "--deploy", deploy.toString()));
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

    /** Runs {@code command} repeatedly until a line matching {@code test} appears after it. */
    public String commandUntil(String command, Predicate<String> test, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return run(command, test, Duration.ofMillis(300));
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    public synchronized String stdout() {
        return String.join("\n", out);
    }

    public synchronized String stderr() {
        return String.join("\n", err);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl).resolve(path)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
