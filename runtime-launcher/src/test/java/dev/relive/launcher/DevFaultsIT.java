package dev.relive.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Faults a developer causes: a bundle that no longer resolves, and a runtime killed and started again. */
class DevFaultsIT {

    /** A save built, the bundle updated and the sessions swapped, on a machine that may be busy. */
    private static final Duration SWAP = Duration.ofSeconds(120);

    @Test
    void aBundleThatCannotResolveIsReportedAndSessionsKeepTheirState() throws Exception {
        try (DevWorkspace dev = DevWorkspace.start("/test/hvr"); WsClient ws = WsClient.connect(dev.relive().baseUrl())) {
            ws.mount(dev.relive(), "/test/hvr");
            ws.answer(ws.event("add", Map.of("amount", 7)));
            Path bnd = dev.dir().resolve("bundles/dev.relive.testviews/bnd.bnd");
            String good = Files.readString(bnd);
            dev.save(bnd, good + "Import-Package: com.nowhere.missing, *\n");
            JsonNode error = ws.next(f -> "hvr-error".equals(f.path("type").asText()), SWAP);
            assertThat(error.path("message").asText()).contains("cannot start", "com.nowhere.missing");
            dev.relive().commandUntil("hvr:status", l -> l.contains("dev.relive.testviews: FAILED"), SWAP);

            JsonNode still = ws.answer(ws.event("increment", null));
            assertThat(still.path("patches").toString()).contains("\"text\":\"8\"");

            dev.save(bnd, good);
            ws.next(f -> "hvr-applied".equals(f.path("type").asText()), SWAP);
            JsonNode after = ws.answer(ws.event("increment", null));
            assertThat(after.path("patches").toString()).contains("\"text\":\"9\"");
        }
    }

    @Test
    void afterAKillAndRestartOpenPagesMountAgain() throws Exception {
        Path dir = Files.createTempDirectory("relive-restart-it");
        Files.createDirectories(dir.resolve("deploy"));
        Path thirdParty = LauncherProcess.thirdParty();
        Files.copy(thirdParty.resolve("dev.relive.testlib.jar"), dir.resolve("deploy/testlib.jar"));
        Files.copy(thirdParty.resolve("dev.relive.testviews.jar"), dir.resolve("deploy/testviews.jar"));
        LauncherProcess first = LauncherProcess.start(dir, "--port", "0");
        String token;
        try {
            awaitRoute(first);
            String page = first.get("/test/echo?greeting=hi").body();
            Matcher m = Pattern.compile("rl-token=\"([^\"]+)\"").matcher(page);
            assertThat(m.find()).isTrue();
            token = m.group(1);
        } finally {
            first.process().destroyForcibly().waitFor();
            first.close();
        }

        try (LauncherProcess second = LauncherProcess.start(dir)) {
            awaitRoute(second);
            try (WsClient ws = WsClient.connect(second.baseUrl())) {
                ws.sendRaw("{\"type\":\"mount\",\"protocol\":1,\"token\":\"" + token + "\",\"url\":\""
                        + second.baseUrl() + "test/echo?greeting=hi\"}");
                JsonNode mounted = ws.next(f -> f.has("type") && !"error".equals(f.path("type").asText())
                        || f.has("code"));
                assertThat(mounted.path("type").asText()).isEqualTo("mounted");
                assertThat(mounted.path("html").asText()).contains("<h1 id=\"greeting\">hi</h1>");
            }
        } finally {
            TestFolders.deleteTree(dir);
        }
    }

    private static void awaitRoute(LauncherProcess relive) throws Exception {
        relive.awaitPage("/test/echo");
    }
}
