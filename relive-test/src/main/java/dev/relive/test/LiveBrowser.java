package dev.relive.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import dev.relive.test.internal.CookieJar;
import dev.relive.test.internal.PageConnection;

/**
 * One browser: its cookies, so its browser session, shared by every page it mounts, as tabs of one browser share
 * theirs. {@link #signIn} signs it in through the runtime's login form; the pages it mounts afterwards, and their
 * sockets, run as that user. Two browsers are two sessions, so one test can act as two users.
 *
 * <p>Threading: safe for use from several threads; each {@link LivePage} belongs to one thread.
 */
public final class LiveBrowser {

    private static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(30);
    /** After the runtime's start, how long any 404 may be a route not registered yet (an application's 404 page). */
    private static final Duration START_GRACE = Duration.ofSeconds(5);
    /** The runtime's own 404 page for a path no view's route matches. */
    private static final String NO_ROUTE = "No view at ";

    private final LiveRuntime runtime;
    private final CookieJar cookies = new CookieJar();

    LiveBrowser(LiveRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Signs in as {@code name} with {@code password}, as a person does: {@code GET /login}, then {@code POST /login}
     * with the form's CSRF token. Fails with the login page's status when the runtime refuses (401 for a wrong
     * name or password). Returns this browser.
     */
    public LiveBrowser signIn(String name, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrfToken());
        form.put("next", "/");
        form.put("name", name);
        form.put("password", password);
        HttpResponse<String> answer = post("/login", form);
        if (answer.statusCode() != 303) {
            throw new AssertionError("signing in as " + name + " answered " + answer.statusCode() + ": "
                    + Jsoup.parse(answer.body()).select("#login-message").text());
        }
        return this;
    }

    /** Signs out with {@code POST /logout}, ending this browser's session; its open pages are sent to the login. */
    public LiveBrowser signOut() {
        HttpResponse<String> answer = post("/logout", Map.of("_csrf", csrfToken()));
        if (answer.statusCode() != 303) {
            throw new AssertionError("signing out answered " + answer.statusCode());
        }
        return this;
    }

    /**
     * Opens the page at {@code path} with this browser's cookies and mounts its view over a WebSocket whose upgrade
     * carries them, as a tab of this browser does. Waits up to 10 s for the route to appear; a page that does not
     * answer 200 (a protected view answers 303 to the login before signing in) fails with its status and body.
     */
    public LivePage mount(String path) {
        HttpResponse<String> page = awaitPage(path);
        Document document = Jsoup.parse(page.body(), runtime.baseUrl().toString());
        if (document.selectFirst("[rl-root]") == null) {
            throw new AssertionError("GET " + path + " is not a live view page:\n" + page.body());
        }
        try {
            return new LivePage(PageConnection.mount(runtime.http(), runtime.baseUrl(), cookies.header(), document,
                    path));
        } catch (LiveError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("cannot mount " + path + ": " + e, e);
        }
    }

    /** A GET of {@code path} with this browser's cookies, keeping those the answer sets; redirects not followed. */
    public HttpResponse<String> get(String path) {
        return send(request(path).GET(), "GET " + path);
    }

    /** The value of this browser's cookie {@code name} (e.g. {@code relive_session}), or {@code null}. */
    public String cookie(String name) {
        return cookies.get(name);
    }

    private HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), "POST " + path);
    }

    /** The CSRF token of this browser's session, from the login page (which starts a session when there is none). */
    private String csrfToken() {
        HttpResponse<String> login = get("/login");
        Element field = Jsoup.parse(login.body()).selectFirst("input[name=_csrf]");
        if (login.statusCode() != 200 || field == null) {
            throw new AssertionError("GET /login answered " + login.statusCode() + " without a CSRF field:\n"
                    + login.body());
        }
        return field.attr("value");
    }

    private HttpRequest.Builder request(String path) {
        URI uri = runtime.baseUrl().resolve(path.startsWith("/") ? path.substring(1) : path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        String cookie = cookies.header();
        return cookie.isEmpty() ? builder : builder.header("Cookie", cookie);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String what) {
        try {
            HttpResponse<String> response = runtime.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
            cookies.store(response);
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(what + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * The page at {@code path}; a 404 is asked again while it may be a route not registered yet: the runtime's page
     * for a path no route matches, or any 404 in the runtime's first seconds (an application's 404 page looks the
     * same either way). A 404 a view answered (a {@code NotFoundException}) fails at once.
     */
    private HttpResponse<String> awaitPage(String path) {
        long deadline = System.nanoTime() + ROUTE_TIMEOUT.toNanos();
        while (true) {
            HttpResponse<String> page = get(path);
            boolean mayBeUnregistered = page.statusCode() == 404 && (page.body().contains(NO_ROUTE)
                    || System.nanoTime() - runtime.madeNanos() < START_GRACE.toNanos());
            if (!mayBeUnregistered || System.nanoTime() > deadline) {
                if (page.statusCode() != 200) {
                    throw new AssertionError("GET " + path + " answered " + page.statusCode()
                            + location(page) + ":\n" + said(page.body()));
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

    /**
     * What an error page says, as text: the runtime's (a heading, the message, in dev the stack trace) without its
     * markup; any other body as it is.
     */
    static String said(String body) {
        if (!body.startsWith("<!DOCTYPE html>")) {
            return body;
        }
        Document page = Jsoup.parse(body);
        StringBuilder text = new StringBuilder();
        for (Element el : page.body().select("h1, p, pre")) {
            if (el.selectFirst("a") == null) {
                text.append(el.is("pre") ? el.wholeText() : el.text()).append('\n');
            }
        }
        return text.length() == 0 ? body : text.toString().strip();
    }

    private static String location(HttpResponse<String> page) {
        return page.headers().firstValue("Location").map(l -> " (to " + l + ")").orElse("");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
