package dev.relive.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.extension.ExtensionContext;

import dev.relive.test.internal.EmbeddedRuntime;
import dev.relive.test.internal.MissingPackages;

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

    /** When this handle was made: right after the runtime started, for one started here. */
    private final long madeNanos = System.nanoTime();

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
            throw new IllegalStateException("cannot start the Relive runtime: " + e + MissingPackages.hint(e), e);
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

    long madeNanos() {
        return madeNanos;
    }

    /** The root URL, e.g. {@code http://127.0.0.1:40123/}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Opens the page at {@code path} (with its query, e.g. {@code /todo?first=tea}) in a new {@link #browser()} and
     * mounts its view over a WebSocket, as a browser tab does. A 404 while no view has the route yet waits for one
     * (views register asynchronously after the framework starts), up to 30 s; a 404 a view answered fails at once.
     */
    public LivePage mount(String path) {
        return browser().mount(path);
    }

    /** A plain GET of {@code path} from a new browser, e.g. to check a status code. */
    public HttpResponse<String> get(String path) {
        return browser().get(path);
    }

    /** A new browser: no cookies, no session until it signs in or a page starts one. */
    public LiveBrowser browser() {
        return new LiveBrowser(this);
    }

    /** A new browser signed in as {@code name}; see {@link LiveBrowser#signIn}. */
    public LiveBrowser signIn(String name, String password) {
        return browser().signIn(name, password);
    }

    /**
     * Adds a user to the runtime's login form (a configuration of the factory PID {@code dev.relive.users}, as a
     * deployment has), or replaces the one of that name, and returns once the runtime knows it. The password is
     * hashed with few rounds, so signing in stays quick.
     */
    public void addUser(String name, String password, String... roles) {
        if (runtime == null) {
            throw new UnsupportedOperationException("a connected runtime's users are configured where it runs");
        }
        try {
            runtime.addUser(name, password, List.of(roles));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot add the user " + name + ": " + e, e);
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
}
