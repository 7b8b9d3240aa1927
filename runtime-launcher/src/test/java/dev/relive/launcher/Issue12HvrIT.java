package dev.relive.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Issue 12: HVR on a real application (broken builds seen by new tabs, restarts, projects outside the repo). */
class Issue12HvrIT {

    /** A save built, the bundle updated and the sessions swapped, on a machine that may be busy. */
    private static final Duration SWAP = Duration.ofSeconds(120);

    private static JsonNode next(WsClient ws, String type) throws InterruptedException {
        return ws.next(f -> type.equals(f.path("type").asText()), SWAP);
    }

    /** Item 5: while the last build fails, a tab that mounts a page of its views shows the overlay. */
    @Test
    void item5ATabMountedWhileTheBuildFailsShowsTheOverlayUntilABuildSucceeds() throws Exception {
        try (DevWorkspace dev = DevWorkspace.start("/test/hvr");
                WsClient open = WsClient.connect(dev.relive().baseUrl())) {
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

    /**
     * Item 6: a restart runs the source, not the jar in {@code deploy/} that HVR's builds never replaced; and it does
     * not build those sources again on every start: the last run's build of them is installed instead.
     */
    @Test
    void item6ARestartRunsTheSourceNotTheOldJar() throws Exception {
        try (DevWorkspace dev = DevWorkspace.start("/test/hvr")) {
            try (WsClient ws = WsClient.connect(dev.relive().baseUrl())) {
                ws.mount(dev.relive(), "/test/hvr");
                dev.edit(dev.view("HvrView.java"), "count += 1;", "count += 10;");
                next(ws, "hvr-applied");
            }
            String views = "HVR: dev.relive.testviews in " + dev.dir().resolve("bundles/dev.relive.testviews")
                    + " was not built from its sources as they are now; ";

            dev.restart("/test/hvr");
            dev.relive().waitForLog(l -> l.contains("HVR: dev.relive.testviews updated to"), SWAP);
            // each waited for as it is read from the launcher's output (stdout and stderr are two streams)
            dev.relive().waitForLog(l -> l.contains(views + "installed the build of them kept from the last run"), SWAP);
            assertThat(dev.relive().stdout() + dev.relive().stderr())
                    .doesNotContain(views + "building it").doesNotContain("HVR: dev.relive.testlib in");
            assertCountsBy10(dev);

            // without the kept build (a first start after the save) it builds the sources, once
            TestFolders.deleteTree(dev.dir().resolve(".relive/hvr/builds"));
            dev.restart("/test/hvr");
            dev.relive().waitForLog(l -> l.contains("HVR: dev.relive.testviews updated to"), SWAP);
            dev.relive().waitForLog(l -> l.contains(views + "building it"), SWAP);
            assertCountsBy10(dev);

            dev.restart("/test/hvr");
            dev.relive().waitForLog(l -> l.contains("HVR: dev.relive.testviews updated to"), SWAP);
            dev.relive().waitForLog(l -> l.contains(views + "installed the build of them kept from the last run"), SWAP);
            assertThat(dev.relive().stdout() + dev.relive().stderr()).doesNotContain(views + "building it");
            assertCountsBy10(dev);
        }
    }

    private static void assertCountsBy10(DevWorkspace dev) throws Exception {
        try (WsClient ws = WsClient.connect(dev.relive().baseUrl())) {
            ws.mount(dev.relive(), "/test/hvr");
            assertThat(ws.answer(ws.event("increment", null)).path("patches").toString()).contains("\"text\":\"10\"");
        }
    }

    /**
     * Item 7: an application in its own folder layout. The views' project is {@code apps/tasks-web} (its bundle is
     * {@code dev.relive.testviews}) and is found and swapped; a project no installed bundle matches is an
     * {@code hvr:check} finding, and {@code hvr:install} builds and installs it.
     */
    @Test
    void item7ProjectsAnywhereInTheWorkspaceAreMatchedByTheirBundleNameAndInstalledByOneCommand() throws Exception {
        Map<String, String> layout = Map.of("dev.relive.testlib", "libs/dev.relive.testlib",
                "dev.relive.testviews", "apps/tasks-web");
        try (DevWorkspace dev = DevWorkspace.start("/test/hvr", layout)) {
            try (WsClient ws = WsClient.connect(dev.relive().baseUrl())) {
                ws.mount(dev.relive(), "/test/hvr");
                dev.edit(dev.view("HvrView.java"), "count += 1;", "count += 10;");
                assertThat(next(ws, "hvr-applied").path("bundle").asText()).isEqualTo("dev.relive.testviews");
                assertThat(ws.answer(ws.event("increment", null)).path("patches").toString())
                        .contains("\"text\":\"10\"");
            }

            Path extra = newProject(dev.dir().resolve("apps/extra-web"));
            assertThat(dev.relive().run("hvr:check", l -> l.startsWith("H0"), SWAP))
                    .isEqualTo("H007 watched project " + extra + " builds com.example.extra, which is not installed: "
                            + "hvr:install " + extra);
            assertThat(dev.relive().run("hvr:install " + extra, l -> l.startsWith("com.example.extra "), SWAP))
                    .contains("com.example.extra 1.2.0.SNAPSHOT built and written to");
            dev.awaitRoute("/extra");
            assertThat(dev.relive().get("/extra").body()).contains("<p id=\"extra\">first</p>");
            assertThat(dev.relive().run("hvr:check", l -> l.startsWith("H0"), SWAP))
                    .startsWith("H000 ok");

            // from now on its saves swap as any other's
            try (WsClient ws = WsClient.connect(dev.relive().baseUrl())) {
                ws.mount(dev.relive(), "/extra");
                dev.edit(extra.resolve("src/main/java/com/example/extra/ExtraView.java"), "\"first\"", "\"second\"");
                assertThat(next(ws, "hvr-applied").path("bundle").asText()).isEqualTo("com.example.extra");
            }
        }
    }

    private static Path newProject(Path project) throws IOException {
        Path java = Files.createDirectories(project.resolve("src/main/java/com/example/extra"));
        Path resources = Files.createDirectories(project.resolve("src/main/resources/com/example/extra"));
        Files.writeString(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>extra-web</artifactId>
                  <version>1.2.0-SNAPSHOT</version>
                </project>
                """);
        Files.writeString(resources.resolve("ExtraView.peb"), "<p id=\"extra\">{{ word }}</p>\n");
        Files.writeString(java.resolve("ExtraView.java"), """
                package com.example.extra;

                import org.osgi.service.component.annotations.Component;
                import org.osgi.service.component.annotations.ServiceScope;

                import dev.relive.api.LiveView;
                import dev.relive.api.LiveViewRoute;

                @LiveViewRoute("/extra")
                @Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
                public class ExtraView extends LiveView {

                    private String word = "first";
                }
                """);
        // written last: the project is complete when the watcher first sees it
        Files.writeString(project.resolve("bnd.bnd"),
                "-include: ${.}/../../bnd.bnd\nBundle-SymbolicName: com.example.extra\n");
        return project;
    }
}
