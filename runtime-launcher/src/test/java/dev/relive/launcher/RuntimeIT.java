package dev.relive.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The live view runtime in the real launcher (Felix, Jetty, SCR) with the test views bundle dropped into the
 * deploy folder, driven by a real WebSocket client over loopback.
 */
class RuntimeIT {

    static LauncherProcess relive;
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("relive-runtime-it");
        LauncherProcess.deployTestViews(dir);
        Files.writeString(dir.resolve("deploy/dev.relive.runtime.cfg"), "events_per_second=50\n");
        relive = LauncherProcess.start(dir);
        awaitRoute("/test/echo");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            relive.close();
        } finally {
            TestFolders.deleteTree(dir);
        }
    }

    static void awaitRoute(String path) throws Exception {
        relive.awaitPage(path);
    }

    @Test
    void pageIsRenderedServerSideWithTokenAndClient() throws Exception {
        var page = relive.get("/test/echo?greeting=bonjour");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1 id=\"greeting\">bonjour</h1>", "rl-token=\"",
                "<script type=\"module\" src=\"/relive/client/index.js\">", "<title>Echo 0</title>");
        assertThat(relive.get("/relive/client/index.js").statusCode()).isEqualTo(200);
        assertThat(relive.get("/test/nope").statusCode()).isEqualTo(404);
        var broken = relive.get("/test/broken");
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(broken.body()).doesNotContain("mount failed on purpose"); // production: no details
        java.util.regex.Matcher incident = java.util.regex.Pattern.compile("incident (\\d+)").matcher(broken.body());
        assertThat(incident.find()).as("a number the log has the details under: %s", broken.body()).isTrue();
        relive.waitForLog(l -> l.contains("incident " + incident.group(1) + ": ") && l.contains("/test/broken"),
                java.time.Duration.ofSeconds(30));
    }

    /** Without HVR (production), pages showing a view whose bundle is updated through deploy/ keep their state. */
    @Test
    void aViewBundleUpdatedThroughDeployCarriesItsPagesState() throws Exception {
        try (WsClient ws = WsClient.connect(relive.baseUrl())) {
            ws.mount(relive, "/test/echo");
            ws.answer(ws.event("add", java.util.Map.of("amount", 41)));
            Path testviews = dir.resolve("deploy/testviews.jar");
            Files.setLastModifiedTime(testviews, FileTime.fromMillis(System.currentTimeMillis() + 2000));

            relive.waitForLog(l -> l.contains("Live upgrade: dev.relive.testviews") && l.contains("1 session(s) carried"),
                    LauncherProcess.PAGE);
            assertThat(ws.answer(ws.event("increment", null)).path("patches").toString()).contains("\"text\":\"42\"");
            assertThat(ws.seen()).noneMatch(f -> "reload".equals(f.path("type").asText()));
        } finally {
            awaitRoute("/test/echo");
        }
    }

    /** A view bundle removed from deploy/: its pages reload at once, there is nothing to carry their state to. */
    @Test
    void aViewBundleRemovedFromDeployReloadsItsPages() throws Exception {
        Path testviews = dir.resolve("deploy/testviews.jar");
        Path kept = dir.resolve("testviews.jar");
        try (WsClient ws = WsClient.connect(relive.baseUrl())) {
            ws.mount(relive, "/test/echo");
            Files.move(testviews, kept);

            JsonNode reload = ws.next(f -> "reload".equals(f.path("type").asText()), LauncherProcess.PAGE);

            assertThat(reload.path("reason").asText()).isEqualTo("view_stopped");
        } finally {
            if (Files.exists(kept)) {
                Files.move(kept, testviews);
            }
            awaitRoute("/test/echo");
        }
    }

    @Test
    void mountsAndPatchesOnEvents() throws Exception {
        try (WsClient ws = WsClient.connect(relive.baseUrl())) {
            JsonNode mounted = ws.mount(relive, "/test/echo");
            assertThat(mounted.path("protocol").asInt()).isEqualTo(1);
            assertThat(mounted.path("view").asText()).isEqualTo("dev.relive.testviews.EchoView");
            assertThat(mounted.path("html").asText()).contains("<p id=\"count\">0</p>");

            JsonNode patch = ws.answer(ws.event("increment", null));
            assertThat(patch.path("type").asText()).isEqualTo("patch");
            assertThat(patch.path("patches").toString()).contains("\"op\":\"text\"", "\"text\":\"1\"");
            assertThat(patch.path("title").asText()).isEqualTo("Echo 1");
            assertThat(patch.path("meta").path("description").asText()).isEqualTo("count 1");

            JsonNode add = ws.answer(ws.event("add", Map.of("amount", "41")));
            assertThat(add.path("patches").toString()).contains("\"text\":\"42\"");
            assertThat(add.path("seq").asLong()).isEqualTo(patch.path("seq").asLong() + 1);

            assertThat(ws.answer(ws.event("move", Map.of("to", Map.of("x", 3, "y", "4")))).toString())
                    .contains("3,4");
            assertThat(ws.answer(ws.event("tag", Map.of("values", List.of("a", "b")))).toString())
                    .contains("<li>a</li>");
            assertThat(ws.answer(ws.event("nothing", null)).path("type").asText()).isEqualTo("ack");
            assertThat(ws.answer(ws.event("say", Map.of("text", "<script>x</script>"))).toString())
                    .contains("&lt;script&gt;");
        }
    }

    @Test
    void badInputGetsErrorFramesAndTheSessionLivesOn() throws Exception {
        try (WsClient ws = WsClient.connect(relive.baseUrl())) {
            ws.mount(relive, "/test/echo");
            ws.sendRaw("{not json");
            assertThat(ws.next(f -> f.has("code")).path("code").asText()).isEqualTo("bad_json");
            ws.sendRaw("[1,2]");
            assertThat(ws.next(f -> f.has("code")).path("code").asText()).isEqualTo("bad_json");
            ws.sendRaw("{\"type\":\"teleport\",\"ref\":900}");
            assertThat(ws.answer(900).path("code").asText()).isEqualTo("unknown_type");
            assertThat(ws.answer(ws.event("nope", null)).path("code").asText()).isEqualTo("unknown_handler");
            assertThat(ws.answer(ws.event("reset", null)).path("code").asText()).isEqualTo("unknown_handler");
            assertThat(ws.answer(ws.event("mount", null)).path("code").asText()).isEqualTo("unknown_handler");
            assertThat(ws.answer(ws.event("add", Map.of("amount", "many"))).path("code").asText())
                    .isEqualTo("bad_params");
            assertThat(ws.answer(ws.event("add", Map.of())).path("code").asText()).isEqualTo("bad_params");
            assertThat(ws.answer(ws.event("explode", null)).path("code").asText()).isEqualTo("handler_failed");
            ws.sendRaw("{\"type\":\"event\",\"ref\":901,\"handler\":\"add\",\"params\":{\"amount\":1},\"pad\":\""
                    + "x".repeat(70_000) + "\"}");
            assertThat(ws.next(f -> f.has("code")).path("code").asText()).isEqualTo("too_large");
            var model = WsClient.JSON.createObjectNode().put("type", "model").put("field", "count").put("value", 9);
            assertThat(ws.answer(ws.send(model)).path("code").asText()).isEqualTo("unknown_field");

            // the same connection still works, with the last good state (explode's count = -1 was rolled back)
            JsonNode ok = ws.answer(ws.event("increment", null));
            assertThat(ok.path("type").asText()).isEqualTo("patch");
            assertThat(ok.path("patches").toString()).contains("\"text\":\"1\"");
            var bind = WsClient.JSON.createObjectNode().put("type", "model").put("field", "name").put("value", "Ada");
            assertThat(ws.answer(ws.send(bind)).toString()).contains("Ada");
        }
    }

    @Test
    void eventsBeforeMountAndFloodsAreRefused() throws Exception {
        try (WsClient ws = WsClient.connect(relive.baseUrl())) {
            assertThat(ws.answer(ws.event("increment", null)).path("code").asText()).isEqualTo("not_mounted");
            ws.mount(relive, "/test/echo");
            // events_per_second=50 here: 2,000 frames exceed it unless sending them takes 40 s
            for (int i = 0; i < 2000; i++) {
                ws.event("nothing", null);
            }
            ws.next(f -> "rate_limited".equals(f.path("code").asText()), Duration.ofSeconds(60));
        }
    }

    @Test
    void tokensAndOriginsAreChecked() throws Exception {
        try (WsClient ws = WsClient.connect(relive.baseUrl())) {
            String page = relive.get("/test/echo").body();
            String token = page.replaceAll("(?s).*rl-token=\"([^\"]+)\".*", "$1");
            String tampered = token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);
            ws.sendRaw("{\"type\":\"mount\",\"protocol\":1,\"token\":\"" + tampered + "\",\"url\":\"" + relive.baseUrl()
                    + "test/echo\"}");
            assertThat(ws.next(f -> f.has("code")).path("code").asText()).isEqualTo("bad_token");
            ws.sendRaw("{\"type\":\"mount\",\"protocol\":1,\"token\":\"" + token + "\",\"url\":\"" + relive.baseUrl()
                    + "test/list\"}");
            assertThat(ws.next(f -> f.has("code")).path("code").asText()).isEqualTo("bad_token");
            ws.sendRaw("{\"type\":\"mount\",\"protocol\":1,\"token\":\"" + token + "\",\"url\":\"" + relive.baseUrl()
                    + "test/echo\"}");
            ws.next(f -> "mounted".equals(f.path("type").asText()));
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WsClient.connect(relive.baseUrl(), "http://evil.example"))
                .hasStackTraceContaining("403");
        try (WsClient same = WsClient.connect(relive.baseUrl(), relive.baseUrl().replaceAll("/$", ""))) {
            same.mount(relive, "/test/echo");
        }
    }

    @Test
    void pushTickChildrenAndNavigation() throws Exception {
        try (WsClient ws = WsClient.connect(relive.baseUrl())) {
            ws.mount(relive, "/test/echo");
            ws.answer(ws.event("later", Map.of("amount", 7)));
            assertThat(ws.next(f -> f.toString().contains("\"text\":\"7\"")).path("ref").isMissingNode()).isTrue();
        }
        try (WsClient ws = WsClient.connect(relive.baseUrl())) {
            ws.mount(relive, "/test/clock");
            ws.next(f -> f.toString().contains("\"text\":\"3\""));
            ws.answer(ws.event("stop", null));
        }
        try (WsClient ws = WsClient.connect(relive.baseUrl())) {
            JsonNode mounted = ws.mount(relive, "/test/parent");
            assertThat(mounted.path("html").asText()).contains("rl-child=\"left\"", "rl-child=\"right\"");
            ws.answer(ws.event("bump", null, "right"));
            JsonNode bumped = ws.answer(ws.event("bump", null, "right"));
            assertThat(bumped.toString()).contains("\"text\":\"2\"");
            assertThat(ws.answer(ws.event("bump", null, "nobody")).path("code").asText()).isEqualTo("unknown_child");
            var nav = WsClient.JSON.createObjectNode().put("type", "navigate").put("url", "/test/other");
            JsonNode other = ws.answer(ws.send(nav));
            assertThat(other.path("type").asText()).isEqualTo("mounted");
            assertThat(other.path("html").asText()).contains("Other", "<span class=\"child-count\">2</span>");
            assertThat(other.path("token").asText()).isNotEmpty();
        }
    }

    @Test
    void keyedReverseMovesRowsInsteadOfRewritingThem() throws Exception {
        try (WsClient ws = WsClient.connect(relive.baseUrl())) {
            ws.mount(relive, "/test/list?rows=100");
            JsonNode reversed = ws.answer(ws.event("reverse", null));
            JsonNode patches = reversed.path("patches");
            assertThat(patches.size()).isEqualTo(99);
            patches.forEach(p -> assertThat(p.path("op").asText()).isEqualTo("move"));
            JsonNode renamed = ws.answer(ws.event("rename", Map.of("index", 5, "label", "five")));
            assertThat(renamed.path("patches").size()).isEqualTo(1);
        }
    }
}
