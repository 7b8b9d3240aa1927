package dev.relive.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Issue 12: HVR on a real application (broken builds seen by new tabs, restarts, projects outside the repo). */
class Issue12HvrIT {

    private static final Duration SWAP = Duration.ofSeconds(30);

    private static JsonNode next(WsClient ws, String type) throws InterruptedException {
        return ws.next(f -> type.equals(f.path("type").asText()), SWAP);
    }

    /** Item 5: while the last build fails, a tab that mounts a page of its views shows the overlay. */
    @Test
    void item5ATabMountedWhileTheBuildFailsShowsTheOverlayUntilABuildSucceeds() throws Exception {
        try (DevWorkspace dev = DevWorkspace.start("/test/hvr"); WsClient open = WsClient.connect(dev.relive().baseUrl())) {
            open.mount(dev.relive(), "/test/hvr");
            dev.edit(dev.view("HvrView.java"), "count += 1;", "count += 1");
            next(open, "hvr-error");

            try (WsClient reloaded = WsClient.connect(dev.relive().baseUrl())) {
                reloaded.mount(dev.relive(), "/test/hvr");
                JsonNode error = next(reloaded, "hvr-error");
                assertThat(error.path("file").asText()).isEqualTo(dev.view("HvrView.java").toString());
                assertThat(error.path("bundle").asText()).isEqualTo("dev.relive.testviews");

                dev.edit(dev.view("HvrView.java"), "count += 1", "count += 2;");
                // the overlay of the tab mounted during the failure goes with the fixed build
                next(reloaded, "hvr-applied");
                next(open, "hvr-applied");
                assertThat(reloaded.answer(reloaded.event("increment", null)).path("patches").toString())
                        .contains("\"text\":\"2\"");
            }
            try (WsClient fresh = WsClient.connect(dev.relive().baseUrl())) {
                fresh.mount(dev.relive(), "/test/hvr");
                fresh.answer(fresh.event("add", Map.of("amount", 3)));
                assertThat(fresh.seen()).noneMatch(f -> "hvr-error".equals(f.path("type").asText()));
            }
        }
    }

    /** Item 6: a restart runs the source, not the jar in {@code deploy/} that HVR's builds never replaced. */
    @Test
    void item6ARestartRunsTheSourceNotTheOldJar() throws Exception {
        try (DevWorkspace dev = DevWorkspace.start("/test/hvr")) {
            try (WsClient ws = WsClient.connect(dev.relive().baseUrl())) {
                ws.mount(dev.relive(), "/test/hvr");
                dev.edit(dev.view("HvrView.java"), "count += 1;", "count += 10;");
                next(ws, "hvr-applied");
            }
            dev.restart("/test/hvr");
            dev.relive().waitForLog(l -> l.contains("HVR: dev.relive.testviews updated to"), SWAP);
            assertThat(dev.relive().stdout() + dev.relive().stderr())
                    .contains("dev.relive.testviews was not built from its sources as they are now; building it")
                    .doesNotContain("dev.relive.testlib was not built");
            try (WsClient ws = WsClient.connect(dev.relive().baseUrl())) {
                ws.mount(dev.relive(), "/test/hvr");
                assertThat(ws.answer(ws.event("increment", null)).path("patches").toString())
                        .contains("\"text\":\"10\"");
            }
        }
    }
}
