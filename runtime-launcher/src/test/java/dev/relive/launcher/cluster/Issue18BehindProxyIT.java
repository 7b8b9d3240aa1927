package dev.relive.launcher.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.relive.launcher.LauncherProcess;
import dev.relive.launcher.TestFolders;
import dev.relive.launcher.WsClient;

/**
 * A production runtime behind nginx (the cluster tests' configuration), with {@code trusted_proxies=127.0.0.1}: pages,
 * the WebSocket (its {@code Origin} check) and the login form (its CSRF check) work through the proxy, and the
 * per-address caps and logs go by the address nginx forwards, not by nginx's own.
 */
class Issue18BehindProxyIT {

    private static final int PER_ADDRESS = 2;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static Path dir;
    private static LauncherProcess relive;
    private static Nginx nginx;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("relive-behind-proxy");
        Path deploy = Files.createDirectories(dir.resolve("deploy"));
        Path thirdParty = LauncherProcess.thirdParty();
        Files.copy(thirdParty.resolve("dev.relive.testlib.jar"), deploy.resolve("testlib.jar"));
        Files.copy(thirdParty.resolve("dev.relive.testviews.jar"), deploy.resolve("testviews.jar"));
        Files.writeString(deploy.resolve("dev.relive.runtime.cfg"), "trusted_proxies=127.0.0.1\n"
                + "max_sessions_per_address=" + PER_ADDRESS + "\n");
        relive = LauncherProcess.start(dir);
        nginx = Nginx.start(List.of("127.0.0.1:" + relive.port()));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (get("/test/echo", Map.of()).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("/test/echo never came up behind nginx:\n" + relive.stderr() + "\n"
                        + nginx.log());
            }
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        if (relive != null) {
            relive.close();
        }
        TestFolders.deleteTree(dir);
    }

    @Test
    void pagesAndSocketsPassThroughTheProxy() throws Exception {
        HttpResponse<String> page = get("/test/echo", Map.of());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("X-Relive-Upstream")).hasValue("127.0.0.1:" + relive.port());

        // as a browser: Origin is the proxy's address, and the Host nginx passes on is the same
        String origin = nginx.baseUrl().substring(0, nginx.baseUrl().length() - 1);
        try (WsClient ws = WsClient.connectWithHeaders(nginx.baseUrl(), Map.of("Origin", origin))) {
            ws.mount(nginx.baseUrl(), "/test/echo");
            JsonNode answer = ws.answer(ws.event("add", Map.of("amount", 1)));
            assertThat(answer.path("type").asText()).isEqualTo("patch");
        }
        try (WsClient ws = WsClient.connectWithHeaders(nginx.baseUrl(), Map.of("Origin", "http://evil.example"))) {
            throw new AssertionError("a foreign origin got a socket through the proxy");
        } catch (Exception e) {
            assertThat(e).hasStackTraceContaining("403");
        }
    }

    @Test
    void eachForwardedAddressHasItsOwnCap() throws Exception {
        List<WsClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < PER_ADDRESS; i++) {
                open.add(WsClient.connectWithHeaders(nginx.baseUrl(), Map.of("X-Forwarded-For", "203.0.113.1")));
            }
            Exception refused = null;
            try {
                open.add(WsClient.connectWithHeaders(nginx.baseUrl(), Map.of("X-Forwarded-For", "203.0.113.1")));
            } catch (Exception e) {
                refused = e;
            }
            assertThat(refused).as("one socket over the cap of 203.0.113.1").isNotNull();
            assertThat(refused).hasStackTraceContaining("429");
            String line = relive.waitForLog(l -> l.contains("WebSocket refused from"), Duration.ofSeconds(30));
            assertThat(line).contains("203.0.113.1").doesNotContain("127.0.0.1");

            // another client behind the same proxy is not counted with the first
            WsClient other = WsClient.connectWithHeaders(nginx.baseUrl(), Map.of("X-Forwarded-For", "203.0.113.2"));
            open.add(other);
            other.mount(nginx.baseUrl(), "/test/echo");
        } finally {
            open.forEach(WsClient::close);
        }
    }

    @Test
    void theLoginFormsCsrfCheckPassesAndItsLogNamesTheClient() throws Exception {
        Map<String, String> from = Map.of("X-Forwarded-For", "198.51.100.23");
        HttpResponse<String> form = get("/login", from);
        assertThat(form.statusCode()).isEqualTo(200);
        String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("relive_session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).isTrue();

        HttpResponse<String> wrong = HTTP.send(HttpRequest.newBuilder(URI.create(nginx.baseUrl() + "login"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie).header("X-Forwarded-For", "198.51.100.23")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf.group(1) + "&name=nobody&password=x"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).as("the CSRF token is accepted; the password is not").isEqualTo(401);
        relive.waitForLog(l -> l.contains("failed login from 198.51.100.23"), Duration.ofSeconds(30));
    }

    private static HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(nginx.baseUrl() + path.substring(1)))
                .timeout(Duration.ofSeconds(20));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
