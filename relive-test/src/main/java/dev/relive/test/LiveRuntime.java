package dev.relive.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.relive.test.internal.EmbeddedRuntime;
import dev.relive.test.internal.PageConnection;

/**
 * A running Relive runtime in this JVM (an in-process Felix with the runtime's bundles and the bundles under test),
 * serving HTTP on a free loopback port. {@link ReliveTest} starts one per test class; {@link #start} starts one by
 * hand.
 *
 * <p>Threading: safe for use from several threads; each {@link LivePage} belongs to one thread.
 */
public final class LiveRuntime implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    private final EmbeddedRuntime runtime;
    private final URI baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private LiveRuntime(EmbeddedRuntime runtime, URI baseUrl) {
        this.runtime = runtime;
        this.baseUrl = baseUrl;
    }

    /**
     * Starts a runtime with {@code bundles} (jars or bundle folders) besides its own, and waits for HTTP.
     *
     * @param dev dev mode: error frames carry the stack trace of the view's code
     */
    public static LiveRuntime start(List<Path> bundles, boolean dev) {
        try {
            EmbeddedRuntime started = EmbeddedRuntime.start(bundles, dev);
            return new LiveRuntime(started, started.baseUrl());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the Relive runtime: " + e, e);
        }
    }

    /**
     * A runtime running elsewhere, e.g. a launcher in another process, at {@code baseUrl}
     * ({@code http://127.0.0.1:8080/}). Closing it closes nothing there.
     */
    public static LiveRuntime connect(URI baseUrl) {
        String url = baseUrl.toString();
        return new LiveRuntime(null, URI.create(url.endsWith("/") ? url : url + "/"));
    }

    /** The root URL, e.g. {@code http://127.0.0.1:40123/}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Opens the page at {@code path} (with its query, e.g. {@code /todo?first=tea}) and mounts its view over a
     * WebSocket, as a browser tab does. Waits up to 10 s for the route to appear, since views register
     * asynchronously after the framework starts.
     */
    public LivePage mount(String path) {
        HttpResponse<String> page = awaitPage(path);
        Document document = Jsoup.parse(page.body(), baseUrl().toString());
        if (document.selectFirst("[rl-root]") == null) {
            throw new AssertionError("GET " + path + " is not a live view page:\n" + page.body());
        }
        try {
            return new LivePage(PageConnection.mount(http(), baseUrl(), document, path));
        } catch (LiveError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("cannot mount " + path + ": " + e, e);
        }
    }

    /** A plain GET of {@code path}, e.g. to check a status code. */
    public HttpResponse<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(baseUrl().resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(30)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The symbolic names of installed bundles that did not start, e.g. for an assertion that all did. */
    public List<String> inactiveBundles() {
        if (runtime == null) {
            throw new UnsupportedOperationException("a connected runtime's bundles are not visible here");
        }
        return runtime.inactiveBundles();
    }

    HttpClient http() {
        return http;
    }

    @Override
    public void close() {
        if (runtime != null) {
            runtime.close();
        }
    }

    private HttpResponse<String> awaitPage(String path) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            HttpResponse<String> page = get(path);
            if (page.statusCode() == 200 || page.statusCode() != 404 || System.nanoTime() > deadline) {
                if (page.statusCode() != 200) {
                    throw new AssertionError("GET " + path + " answered " + page.statusCode() + ":\n" + page.body());
                }
                return page;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
