package dev.relive.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import dev.relive.runtime.internal.auth.PasswordHash;

/**
 * Browser sessions against the real launcher (production run, two users in {@code deploy/}): cookies, CSRF tokens,
 * tokens bound to their session, sign-in and sign-out, with plain HTTP requests and the JDK's WebSocket.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Issue16SessionIT {

    static final int ATTEMPTS_PER_MINUTE = 8;
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern TOKEN = Pattern.compile("rl-token=\"([^\"]+)\"");
    static LauncherProcess relive;
    static Path dir;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("relive-sessions");
        Path deploy = Files.createDirectories(dir.resolve("deploy"));
        user(deploy, "ada", "Ada Lovelace", "ada-password");
        user(deploy, "bob", "Bob", "bob-password");
        Files.writeString(deploy.resolve("dev.relive.runtime.cfg"), "login_attempts_per_minute="
                + ATTEMPTS_PER_MINUTE + "\ntrusted_proxies=127.0.0.1\n");
        relive = LauncherProcess.start(dir);
        relive.awaitPage("/login");
        // the users' configurations reach the runtime in their own time: sign-ins before that are refused
        for (String name : new String[] {"ada", "bob"}) {
            relive.waitForLog(l -> l.contains("User " + name + " configured"), LauncherProcess.PAGE);
        }
    }

    /** A user with a hash of 20,000 rounds: what the tests check is not what a hash costs. */
    static void user(Path deploy, String name, String displayName, String password) throws Exception {
        Files.writeString(deploy.resolve("dev.relive.users-" + name + ".cfg"), "name=" + name + "\ndisplay_name="
                + displayName + "\nroles=user\npassword_hash=" + PasswordHash.of(password.toCharArray(), 20_000)
                + "\n");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            relive.close();
        } finally {
            TestFolders.deleteTree(dir);
        }
    }

    @Test
    void formsWithoutAValidCsrfTokenAreRefused() throws Exception {
        HttpResponse<String> form = get("/login", null);
        String cookie = cookie(form);
        assertThat(cookie).as("the login form starts a session").isNotNull();
        assertThat(form.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly", "SameSite=Lax",
                "Path=/");
        assertThat(post("/login", cookie, "name=ada&password=ada-password").statusCode()).isEqualTo(403);
        assertThat(post("/login", cookie, "_csrf=forged&name=ada&password=ada-password").statusCode())
                .isEqualTo(403);
        assertThat(post("/login", null, "_csrf=" + csrf(form) + "&name=ada&password=ada-password").statusCode())
                .as("a token without its session's cookie").isEqualTo(403);
        assertThat(post("/logout", cookie, "").statusCode()).isEqualTo(403);
        assertThat(get("/logout", cookie).statusCode()).isEqualTo(405);
        // logged as the requests are refused; read from the launcher's output in its own time
        relive.waitForLog(l -> l.contains("no valid CSRF token"), Duration.ofSeconds(30));
    }

    @Test
    void anonymousVisitorsOfAProtectedPageAreSentToTheLoginPageAndBack() throws Exception {
        HttpResponse<String> page = get("/account?tab=2", null);
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElseThrow())
                .isEqualTo("/login?next=%2Faccount%3Ftab%3D2");
        assertThat(get("/counter", null).statusCode()).as("a public page").isEqualTo(200);

        HttpResponse<String> form = get("/login?next=%2Faccount%3Ftab%3D2", null);
        String before = cookie(form);
        HttpResponse<String> signedIn = post("/login", before, "_csrf=" + csrf(form) + "&name=ada&password="
                + "ada-password&next=" + URLEncoder.encode("/account?tab=2", StandardCharsets.UTF_8));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).isEqualTo("/account?tab=2");
        String after = cookie(signedIn);
        assertThat(after).as("a new session id at sign-in").isNotNull().isNotEqualTo(before);
        assertThat(get("/account", before).statusCode()).as("the id from before sign-in").isEqualTo(303);
        HttpResponse<String> account = get("/account", after);
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains("Ada Lovelace").doesNotContain(after.substring(after.indexOf('=') + 1));
    }

    @Test
    void aPageTokenMountsOnlyOnASocketWithItsSessionsCookie() throws Exception {
        String ada = signIn("ada", "ada-password");
        String bob = signIn("bob", "bob-password");
        String adasToken = token(get("/account", ada).body());

        try (WsClient asBob = WsClient.connectWithCookie(relive.baseUrl(), bob)) {
            asBob.mountWith(relive, "/account", adasToken);
            JsonNode refused = asBob.next(f -> "error".equals(f.path("type").asText()));
            assertThat(refused.path("code").asText()).isEqualTo("bad_token");
            assertThat(refused.path("message").asText()).contains("session cookie");
            // a pong comes once every frame sent before its ping is handled: nothing was mounted by then
            long ping = asBob.send(WsClient.JSON.createObjectNode().put("type", "ping"));
            asBob.answer(ping);
            assertThat(asBob.seen()).as("nothing mounted").noneMatch(f -> "mounted".equals(f.path("type").asText()));
        }
        try (WsClient noCookie = WsClient.connect(relive.baseUrl())) {
            noCookie.mountWith(relive, "/account", adasToken);
            JsonNode refused = noCookie.next(f -> "error".equals(f.path("type").asText()));
            assertThat(refused.path("code").asText()).isEqualTo("bad_token");
            assertThat(refused.path("message").asText()).contains("no session cookie");
        }
        try (WsClient asAda = WsClient.connectWithCookie(relive.baseUrl(), ada)) {
            asAda.mountWith(relive, "/account", adasToken);
            JsonNode mounted = asAda.next(f -> "mounted".equals(f.path("type").asText()));
            assertThat(mounted.path("html").asText()).contains("Ada Lovelace");
        }
        relive.waitForLog(l -> l.contains("refused a mount of /account"), Duration.ofSeconds(30));
    }

    @Test
    void signingOutEndsTheSessionAndSendsItsTabsToTheLoginPage() throws Exception {
        String ada = signIn("ada", "ada-password");
        HttpResponse<String> account = get("/account", ada);
        String token = token(account.body());
        try (WsClient tab = WsClient.connectWithCookie(relive.baseUrl(), ada)) {
            tab.mountWith(relive, "/account", token);
            tab.next(f -> "mounted".equals(f.path("type").asText()));

            HttpResponse<String> out = post("/logout", ada, "_csrf=" + csrf(account));
            assertThat(out.statusCode()).isEqualTo(303);
            assertThat(out.headers().firstValue("Location").orElseThrow()).isEqualTo("/login");
            assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");

            JsonNode redirect = tab.next(f -> "redirect".equals(f.path("type").asText()));
            assertThat(redirect.path("url").asText()).isEqualTo("/login?next=%2Faccount");
            tab.event("save", java.util.Map.of("note", "after sign-out"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (tab.isOpen() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(tab.isOpen()).as("the socket is closed").isFalse();
            assertThat(tab.seen()).noneMatch(f -> "patch".equals(f.path("type").asText())
                    || "ack".equals(f.path("type").asText()));
        }
        assertThat(get("/account", ada).statusCode()).as("the old cookie").isEqualTo(303);
        try (WsClient reconnect = WsClient.connectWithCookie(relive.baseUrl(), ada)) {
            reconnect.mountWith(relive, "/account", token);
            JsonNode redirect = reconnect.next(f -> "redirect".equals(f.path("type").asText())
                    || "mounted".equals(f.path("type").asText()));
            assertThat(redirect.path("type").asText()).as("a reconnect is checked too").isEqualTo("redirect");
            assertThat(redirect.path("url").asText()).isEqualTo("/login?next=%2Faccount");
        }
    }

    @Test
    void aSessionCookieIsSecureWhenATrustedProxySaysTheBrowserUsedHttps() throws Exception {
        HttpRequest.Builder overHttps = HttpRequest.newBuilder(URI.create(relive.baseUrl()).resolve("/login"))
                .timeout(Duration.ofSeconds(20)).header("X-Forwarded-Proto", "https");
        HttpResponse<String> form = HTTP.send(overHttps.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly", "; Secure");
        HttpResponse<String> plain = get("/login", null);
        assertThat(plain.headers().firstValue("Set-Cookie").orElseThrow()).doesNotContain("Secure");
    }

    /** Last: once it has run, this address may not try again for a minute. */
    @Test
    @Order(Integer.MAX_VALUE)
    void wrongPasswordsAreRefusedAndAttemptsLimited() throws Exception {
        HttpResponse<String> form = get("/login", null);
        String cookie = cookie(form);
        String body = "_csrf=" + csrf(form) + "&name=mallory&password=guess";
        assertThat(post("/login", cookie, body).statusCode()).isEqualTo(401);
        int status = 0;
        for (int i = 0; i < ATTEMPTS_PER_MINUTE * 2 && status != 429; i++) {
            status = post("/login", cookie, body).statusCode();
            assertThat(status).isIn(401, 429);
        }
        assertThat(status).as("the limit per name and address answers").isEqualTo(429);
    }

    // ---- a browser without a browser ----

    static String signIn(String name, String password) throws Exception {
        HttpResponse<String> form = get("/login", null);
        HttpResponse<String> in = post("/login", cookie(form), "_csrf=" + csrf(form) + "&name=" + name
                + "&password=" + password);
        assertThat(in.statusCode()).as("sign-in of %s: %s", name, in.body()).isEqualTo(303);
        return cookie(in);
    }

    static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(relive.baseUrl()).resolve(path))
                .timeout(Duration.ofSeconds(20));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String cookie, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(relive.baseUrl()).resolve(path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        // each form on a connection of its own: a pooled connection the server closed after answering a refused form
        // would be picked for the next request and fail it with no bytes read
        HttpClient fresh = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return fresh.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The {@code relive_session=...} pair the response sets, or {@code null}. */
    static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("relive_session="))
                .map(c -> c.substring(0, c.indexOf(';'))).filter(c -> !c.equals("relive_session=")).findFirst()
                .orElse(null);
    }

    static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("a CSRF field in %s", page.body()).isTrue();
        return m.group(1);
    }

    static String token(String page) {
        Matcher m = TOKEN.matcher(page);
        assertThat(m.find()).as("a token in %s", page).isTrue();
        return m.group(1);
    }
}
