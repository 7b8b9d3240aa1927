package dev.relive.launcher.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.relive.launcher.TestFolders;

/**
 * nginx as the load balancer in front of runtimes on loopback: started from a configuration written to a temporary
 * folder (its pid, logs and temporary files there too), listening on a free port of 127.0.0.1, proxying HTTP and
 * WebSocket to the upstreams round robin with no stickiness, and stopped through its process.
 *
 * <p>Each response carries {@code X-Relive-Upstream}, the runtime address that served it. The binary is
 * {@value #DEFAULT_BINARY} or the system property {@code relive.nginx}; a missing one is an {@link AssertionError}
 * naming the Debian package, so the tests that need it fail rather than skip.
 */
public final class Nginx implements AutoCloseable {

    static final String DEFAULT_BINARY = "/usr/sbin/nginx";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path dir;
    private final int port;

    private Nginx(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** Starts nginx in front of {@code upstreams} (host:port each) and waits until it answers. */
    public static Nginx start(List<String> upstreams) throws Exception {
        Path binary = binary();
        Path dir = Files.createTempDirectory("relive-nginx");
        // run as root, nginx's workers run as another user: they must reach the temporary files' folder
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        int port = freePort();
        Files.createDirectories(dir.resolve("logs"));
        Files.createDirectories(dir.resolve("tmp"));
        Files.writeString(dir.resolve("nginx.conf"), NginxConfig.render(dir, port, upstreams),
                StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(binary.toString(), "-p", dir.toString(), "-c",
                dir.resolve("nginx.conf").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("logs/stdout.log").toFile()).start();
        Nginx nginx = new Nginx(p, dir, port);
        try {
            nginx.awaitAnswer(Duration.ofSeconds(30));
        } catch (RuntimeException | Error | IOException | InterruptedException e) {
            nginx.close();
            throw e;
        }
        return nginx;
    }

    private static Path binary() {
        Path path = Path.of(System.getProperty("relive.nginx", DEFAULT_BINARY));
        if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
            throw new AssertionError("the cluster tests need " + path + " (apt-get install -y nginx, or set "
                    + "-Drelive.nginx=...); it is missing");
        }
        return path;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void awaitAnswer(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("nginx exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "relive/health-of-nginx"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("nginx did not answer on port " + port + " within " + timeout + ":\n"
                            + log(), e);
                }
                Thread.sleep(100);
            }
        }
    }

    /** GETs {@code path} through nginx; returns the response, {@code X-Relive-Upstream} naming the runtime. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path.substring(1)))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code http://127.0.0.1:PORT/}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    public int port() {
        return port;
    }

    /** nginx's own output and error log, for failure reports. */
    public String log() {
        StringBuilder out = new StringBuilder();
        for (String name : List.of("logs/stdout.log", "logs/error.log")) {
            Path file = dir.resolve(name);
            try {
                if (Files.exists(file)) {
                    out.append("--- ").append(name).append('\n').append(Files.readString(file));
                }
            } catch (IOException e) {
                out.append("(").append(name).append(" not readable: ").append(e).append(")\n");
            }
        }
        return out.toString();
    }

    /** The access log: one line per finished request, with the upstream that served it. */
    public List<String> accessLog() throws IOException {
        Path file = dir.resolve("logs/access.log");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    /** Stops nginx (its master process, which takes its worker with it) and deletes its folder. */
    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        TestFolders.deleteTree(dir);
    }
}
