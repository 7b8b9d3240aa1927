package dev.relive.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 12, items 1 to 4, on a tasks application: a delayed store service in one bundle (dev.relive.testlib) used
 * only by a view in another (dev.relive.testviews) that keeps a listener in a final field, two sessions, three saves.
 */
class Issue12StateIT {

    /** A save built, the bundle updated and the sessions swapped, on a machine that may be busy. */
    private static final Duration SWAP = Duration.ofSeconds(120);

    @Test
    void threeSavesKeepTheStoreOneListenerPerTabAndTheRenamedField() throws Exception {
        try (DevWorkspace dev = DevWorkspace.start("/test/tasks");
                WsClient first = WsClient.connect(dev.relive().baseUrl());
                WsClient second = WsClient.connect(dev.relive().baseUrl())) {
            first.mount(dev.relive(), "/test/tasks");
            second.mount(dev.relive(), "/test/tasks");
            first.answer(first.event("add", Map.of("title", "write")));
            first.answer(first.event("add", Map.of("title", " ")));
            assertThat(HvrIT.html(first)).contains("tasks [write] listeners 2 store 1", "title is required");

            List<JsonNode> frames = new ArrayList<>();
            dev.edit(dev.view("TasksView.java"), "changes += 1;", "changes += 10;");
            frames.add(HvrIT.applied(first));
            HvrIT.applied(second);
            Path view = dev.view("TasksView.java");
            dev.save(view, Files.readString(view)
                    .replace("private String error = \"\";",
                            "@dev.relive.api.CarriedFrom(\"error\")\n    private String titleError = \"\";")
                    .replace("error = \"", "titleError = \"")
                    .replace("return error;", "return titleError;"));
            frames.add(HvrIT.applied(first));
            HvrIT.applied(second);
            assertThat(frames).allSatisfy(frame -> assertThat(frame.path("dropped").toString())
                    .contains("\"listener\"").doesNotContain("store"));
            assertThat(frames.get(1).path("dropped").toString()).doesNotContain("error");
            dev.relive().waitForLog(l -> l.contains("dev.relive.testviews.TasksView swapped; values not carried: "
                    + "[listener]"), SWAP);
            assertThat(dev.relive().commandUntil("hvr:status", l -> l.contains("dropped [listener]"), SWAP))
                    .contains("dropped [listener]");

            // a body edit redefines the running class: the instance, its listener included, stays
            dev.edit(view, "return \"tasks \"", "return \"all tasks \"");
            JsonNode redefined = HvrIT.applied(first);
            HvrIT.applied(second);
            assertThat(redefined.path("dropped").toString()).isEqualTo("[]");
            second.answer(second.event("add", Map.of("title", "read")));
            // a render frame answers with the last rendered page: an event makes the first tab render again
            first.answer(first.event("add", Map.of("title", "")));
            assertThat(HvrIT.html(first)).contains("all tasks [write, read] listeners 2 store 1 changes 11",
                    "title is required");
            assertThat(HvrIT.html(second)).contains("all tasks [write, read] listeners 2 store 1 changes 11");
        }
    }
}
