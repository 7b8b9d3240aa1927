package dev.relive.itest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;

import org.osgi.framework.ServiceReference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.HttpServiceRuntimeConstants;

/** The HTTP address the whiteboard published in {@code osgi.http.endpoint}, and plain GETs against it. */
final class Endpoint {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    private final URI base;

    private Endpoint(URI base) {
        this.base = base;
    }

    static Endpoint of(ServiceReference<HttpServiceRuntime> runtime) {
        Object property = runtime.getProperty(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT);
        Object first = property instanceof String[] array && array.length > 0 ? array[0]
                : property instanceof Collection<?> list && !list.isEmpty() ? list.iterator().next() : property;
        if (first == null) {
            throw new AssertionError("HttpServiceRuntime has no " + HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT);
        }
        String url = first.toString();
        return new Endpoint(URI.create(url.endsWith("/") ? url : url + "/"));
    }

    /** {@code http://host:port/path} for an absolute {@code path}. */
    URI http(String path) {
        return base.resolve(path.substring(1));
    }

    /** {@code ws://host:port/path} for an absolute {@code path}. */
    URI ws(String path) {
        return URI.create(http(path).toString().replaceFirst("^http", "ws"));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(http(path)).timeout(Duration.ofSeconds(30)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The first answer to GET {@code path} that {@code test} accepts: the views are services that the runtime tracks
     * apart from its servlets, so a route may answer 404 for a moment after the servlets are registered.
     */
    HttpResponse<String> await(String path, java.util.function.Predicate<HttpResponse<String>> test) {
        return Eventually.await("GET " + path, () -> {
            try {
                return get(path);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }, test);
    }
}
