package dev.relive.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A save that changes only method bodies is applied by redefining the running classes (the launcher's JVM
 * instrumentation, dev only): the bundle is not updated, the page keeps its instance, and the new bodies run. A save
 * that changes more updates the bundle as before, and the bodies redefined before it are in the new revision.
 */
class Issue13RedefineIT {

    private static final Duration SWAP = Duration.ofSeconds(120);

    @Test
    void issue13ABodyEditRedefinesTheRunningClassAndKeepsTheInstance() throws Exception {
        try (DevWorkspace dev = DevWorkspace.start("/test/hvr"); WsClient ws = WsClient.connect(dev.relive().baseUrl())) {
            ws.mount(dev.relive(), "/test/hvr");
            dev.awaitWarmUp(); // the build saves start from: what the Maven build compiled is compared with it
            ws.answer(ws.event("add", Map.of("amount", 41)));
            ws.answer(ws.event("increment", null));
            ws.answer(ws.event("note", Map.of("text", "first")));

            dev.edit(dev.view("HvrView.java"), "count += 1;", "count += 10;");
            JsonNode applied = HvrIT.applied(ws);
            assertThat(applied.path("view").asText()).isEqualTo("dev.relive.testviews.HvrView");
            assertThat(applied.path("phases").has("redefine")).as("phases of %s; %s", applied,
                    dev.relive().commandUntil("hvr:status", l -> l.contains("dev.relive.testviews: ok"), SWAP)).isTrue();
            assertThat(applied.path("phases").has("update")).isFalse();
            dev.relive().waitForLog(l -> l.contains("HVR: dev.relive.testviews redefined in place (1 class(es)"), SWAP);
            assertThat(dev.relive().commandUntil("hvr:status", l -> l.contains("dev.relive.testviews: ok"), SWAP))
                    .contains("redefined 1 class(es) in place");
            assertThat(ws.answer(ws.event("increment", null)).path("patches").toString()).contains("\"text\":\"52\"");
            assertThat(HvrIT.html(ws)).contains("<li>first/CALM</li>", "<p id=\"listeners\">1</p>");
            assertThat(dev.relive().stdout()).doesNotContain("HVR: dev.relive.testviews updated to");

            // a new field needs new classes: the bundle is updated, and the body saved before is in it
            String text = Files.readString(dev.view("HvrView.java"));
            dev.save(dev.view("HvrView.java"), text.replace("    private String caption = \"hello\";",
                    "    private String caption = \"hello\";\n    private int extra = 5;"));
            assertThat(HvrIT.applied(ws).path("phases").has("update")).isTrue();
            dev.relive().waitForLog(l -> l.contains("HVR: dev.relive.testviews updated to"), SWAP);
            assertThat(ws.answer(ws.event("increment", null)).path("patches").toString()).contains("\"text\":\"62\"");

            // and the next body edit is redefined again, against the new revision's classes
            dev.edit(dev.view("HvrView.java"), "count += 10;", "count += 100;");
            assertThat(HvrIT.applied(ws).path("phases").has("redefine")).isTrue();
            assertThat(ws.answer(ws.event("increment", null)).path("patches").toString()).contains("\"text\":\"162\"");
        }
    }

    /**
     * A library's update refreshes the bundles wired to it, which would load their jars' classes: a bundle whose
     * bodies were redefined is first updated with the build that holds them.
     */
    @Test
    void issue13ALibraryUpdateKeepsTheBodiesRedefinedInItsDependents() throws Exception {
        try (DevWorkspace dev = DevWorkspace.start("/test/hvr"); WsClient ws = WsClient.connect(dev.relive().baseUrl())) {
            ws.mount(dev.relive(), "/test/hvr");
            dev.awaitWarmUp();
            ws.answer(ws.event("add", Map.of("amount", 42)));
            dev.edit(dev.view("Labels.java"), "\"count is \"", "\"total: \"");
            assertThat(HvrIT.applied(ws).path("phases").has("redefine")).isTrue();
            assertThat(HvrIT.html(ws)).contains("total: 42");

            String library = Files.readString(dev.lib("Decorator.java"));
            dev.save(dev.lib("Decorator.java"), library.replace("    private Decorator() {",
                    "    public static final String MARK = \"m\";\n\n    private Decorator() {"));
            HvrIT.applied(ws);
            assertThat(HvrIT.html(ws)).contains("total: 42");
            assertThat(dev.relive().get("/test/hvr").body()).contains("total: 0");
        }
    }
}
