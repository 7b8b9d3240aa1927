package dev.relive.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import dev.relive.launcher.LauncherProcess;
import dev.relive.launcher.TestFolders;
import dev.relive.launcher.WsClient;

/**
 * Stream items the browser already has go by key: re-sent unchanged (a new order), the patch names them and the
 * browser moves its own nodes, with what is typed in them; where the browser's container may be a new one (its tab
 * hidden and shown again, its parent re-created), the items go in full. The test view {@code /test/stream-tabs} on a
 * production runtime of its own.
 */
@ExtendWith(E2EExtension.class)
class Issue13StreamKeysE2EIT {

    private static LauncherProcess relive;
    private static Path dir;
    private final Browser browser;

    Issue13StreamKeysE2EIT(Browser browser) {
        this.browser = browser;
    }

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("relive-stream-keys");
        LauncherProcess.deployTestViews(dir);
        relive = LauncherProcess.start(dir);
        relive.awaitPage("/test/stream-tabs");
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
    void rowsReSentUnchangedGoByKeyAndRowsInANewContainerInFull() throws Exception {
        try (WsClient ws = WsClient.connect(relive.baseUrl())) {
            ws.mount(relive, "/test/stream-tabs");

            List<JsonNode> changes = streamChanges(ws.answer(ws.event("reverse", Map.of())));
            assertThat(changes.get(0).path("reset").asBoolean()).isTrue();
            assertThat(changes).hasSize(2);
            assertThat(changes.get(1).path("at").asInt()).isEqualTo(-1);
            assertThat(keys(changes.get(1))).containsExactly("20", "19", "18", "17", "16", "15", "14", "13", "12",
                    "11", "10", "9", "8", "7", "6", "5", "4", "3", "2", "1");

            changes = streamChanges(ws.answer(ws.event("rename", Map.of())));
            assertThat(changes).hasSize(3);
            assertThat(changes.get(1).path("html").asText()).contains("renamed 20");
            assertThat(keys(changes.get(2))).hasSize(19).startsWith("19");

            assertThat(ws.answer(ws.event("toggle", Map.of())).toString()).doesNotContain("rl-key");
            changes = streamChanges(ws.answer(ws.event("toggle", Map.of())));
            assertThat(changes.stream().filter(c -> c.has("html"))).as("a tab shown again: every row in full")
                    .hasSize(20);

            changes = streamChanges(ws.answer(ws.event("wrap", Map.of())));
            assertThat(changes.stream().filter(c -> c.has("html"))).as("a new parent, so a new container")
                    .hasSize(20);
            changes = streamChanges(ws.answer(ws.event("reverse", Map.of())));
            assertThat(changes.stream().filter(c -> c.has("html"))).isEmpty();
        }
    }

    @Test
    void theBrowserMovesItsOwnRowsAndShowsEveryRowAfterItsContainerIsNew() {
        int mark = browser.console().size();
        browser.open(relive.baseUrl() + "test/stream-tabs");
        browser.waitForLive();
        browser.js("window.__row = document.getElementById('row-3')");
        browser.find("#in-3").sendKeys("typed");

        browser.click("#reverse");
        browser.waitUntil("reversed", () -> "20".equals(firstKey()));
        assertThat(rowKeys()).hasSize(20).endsWith("3", "2", "1");
        assertThat(browser.js("return window.__row === document.getElementById('row-3')")).isEqualTo(true);
        assertThat(browser.property("#in-3", "value")).isEqualTo("typed");

        browser.click("#toggle");
        browser.waitUntil("tab hidden", () -> browser.exists("#other"));
        browser.click("#toggle");
        browser.waitUntil("tab shown", () -> rowKeys().size() == 20);
        assertThat(rowKeys()).startsWith("20", "19");

        browser.click("#wrap");
        browser.waitUntil("wrapped", () -> browser.exists("section#box"));
        browser.waitUntil("rows in the new container", () -> rowKeys().size() == 20);
        browser.click("#reverse");
        browser.waitUntil("reversed again", () -> "1".equals(firstKey()));
        assertThat(rowKeys()).hasSize(20).startsWith("1", "2", "3");
        assertThat(browser.text("#row-1 span")).isEqualTo("row 1");

        browser.click("#rename");
        browser.waitForText("#row-1 span", "renamed 1");
        assertThat(rowKeys()).hasSize(20);
        assertThat(browser.problemsSince(mark)).isEmpty();
    }

    private String firstKey() {
        return (String) browser.js("const li = document.querySelector('ul.rows > li');"
                + " return li && li.getAttribute('rl-key')");
    }

    @SuppressWarnings("unchecked")
    private List<String> rowKeys() {
        return (List<String>) browser.js("return Array.from(document.querySelectorAll('ul.rows > li'),"
                + " li => li.getAttribute('rl-key'))");
    }

    private static List<JsonNode> streamChanges(JsonNode frame) {
        List<JsonNode> changes = new ArrayList<>();
        for (JsonNode patch : frame.path("patches")) {
            if ("stream".equals(patch.path("op").asText())) {
                patch.path("changes").forEach(changes::add);
            }
        }
        assertThat(changes).as("stream changes in %s", frame).isNotEmpty();
        return changes;
    }

    private static List<String> keys(JsonNode change) {
        List<String> keys = new ArrayList<>();
        change.path("keys").forEach(k -> keys.add(k.asText()));
        return keys;
    }
}
