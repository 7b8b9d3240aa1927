package dev.relive.test.internal;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cookies one browser keeps for the runtime it talks to: every {@code Set-Cookie} of a response is stored (by
 * name; {@code Max-Age=0} removes one) and all of them go back in the {@code Cookie} header of the next request
 * and WebSocket upgrade. One host, path {@code /}: the runtime sets no other.
 */
public final class CookieJar {

    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** Takes the cookies {@code response} sets or clears. */
    public synchronized void store(HttpResponse<?> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            for (HttpCookie cookie : HttpCookie.parse(header)) {
                if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
                    cookies.remove(cookie.getName());
                } else {
                    cookies.put(cookie.getName(), cookie.getValue());
                }
            }
        }
    }

    /** The value of the cookie {@code name}, or {@code null}. */
    public synchronized String get(String name) {
        return cookies.get(name);
    }

    /** The {@code Cookie} header to send, empty when there is no cookie. */
    public synchronized String header() {
        return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
