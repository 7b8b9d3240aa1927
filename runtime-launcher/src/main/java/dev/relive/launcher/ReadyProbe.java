package dev.relive.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/** Waits until HTTP answers, then prints {@code ready at http://HOST:PORT/ (N ms)}. */
final class ReadyProbe {

    private static final String RUNTIME_FILTER = "(&(objectClass=org.osgi.service.servlet.runtime.HttpServiceRuntime)"
            + "(osgi.http.endpoint=*))";

    private ReadyProbe() {
    }

    /**
     * Prints {@code ready}, or that HTTP did not come up.
     *
     * @param endpoint the endpoint that {@link #firstRequest} saw answer, or null when none did within its 60 s
     */
    static void report(String endpoint, long startedNanos, LaunchOptions options) {
        if (endpoint == null) {
            System.err.println("relive: HTTP did not come up within 60 s");
            return;
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        System.out.println("relive: ready at " + endpoint + " (started in " + ms + " ms"
                + (options.dev() ? ", dev mode" : "") + ")");
    }

    /**
     * Sends HTTP requests until one is answered, so that Jetty has loaded its request path; prints nothing.
     *
     * @return the endpoint that answered, or null when none did within 60 s (or the thread was interrupted)
     */
    static String firstRequest(BundleContext context) {
        try {
            return awaitAnswer(context);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The endpoint once it answers, or null after 60 s. Waits for the HTTP runtime's service without polling. */
    private static String awaitAnswer(BundleContext context) throws InvalidSyntaxException, InterruptedException {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, context.createFilter(RUNTIME_FILTER), null);
        tracker.open(true);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                ServiceReference<Object> ref = tracker.getServiceReference();
                if (ref == null) {
                    tracker.waitForService(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                    continue;
                }
                String endpoint = endpoint(ref.getProperty("osgi.http.endpoint"));
                if (endpoint != null && answers(endpoint)) {
                    return endpoint;
                }
                Thread.sleep(10);
            }
            return null;
        } finally {
            tracker.close();
        }
    }

    private static String endpoint(Object property) {
        Object value = property instanceof String[] arr && arr.length > 0 ? arr[0]
                : property instanceof Iterable<?> it && it.iterator().hasNext() ? it.iterator().next() : property;
        if (value == null) {
            return null;
        }
        String s = value.toString();
        return s.endsWith("/") ? s : s + "/";
    }

    /**
     * Whether HTTP answers a {@code GET} of the endpoint with a status line. A plain socket, not
     * {@code HttpURLConnection}: that one's protocol handler (through the framework's URL handlers) and its classes
     * cost the launch more than the request does.
     */
    private static boolean answers(String endpoint) {
        URI uri = URI.create(endpoint);
        String host = uri.getHost();
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getRawAuthority()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // read to the end, so that the server closes a connection that is done with, not one reset under it
            byte[] response = socket.getInputStream().readAllBytes();
            return new String(response, 0, Math.min(12, response.length), StandardCharsets.US_ASCII)
                    .matches("HTTP/1\\.[01] \\d{3}");
        } catch (IOException e) {
            return false;
        }
    }
}
