package dev.relive.launcher.e2e;

import static dev.relive.launcher.EditorSaves.edit;
import static dev.relive.launcher.EditorSaves.save;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hot View Replacement as a person sees it, in headless Chromium: build up state in every example, edit and save
 * view sources in the workspace copy the runtime watches, and check that everything the user had is still there
 * while the new code is visible and answers. Each test runs its own dev runtime, since it edits sources.
 */
@ExtendWith(E2EExtension.class)
class HvrE2EIT {

    private static final String COUNTER_JAVA = "src/main/java/dev/relive/examples/counter/CounterView.java";
    private static final String COUNTER_PEB = "src/main/resources/dev/relive/examples/counter/CounterView.peb";

    private final Browser browser;

    HvrE2EIT(Browser browser) {
        this.browser = browser;
    }

    @Test
    void swapsKeepValuesFocusScrollTabsModalAndChildState() throws Exception {
        try (LiveServer server = LiveServer.start()) {
            UserState state = new UserState(browser, server);
            state.build();
            Path counter = server.source("dev.relive.examples.counter", COUNTER_JAVA);
            Path template = server.source("dev.relive.examples.counter", COUNTER_PEB);

            // a handler body change
            edit(counter, "count += 1;", "count += 2;");
            state.awaitHvrApplied("/counter", 1);
            // a template text change
            edit(template, "<h1>Counter</h1>", "<h1>Counter, hot</h1>");
            state.awaitHvrApplied("/counter", 2);
            // a new handler with a new button, saved together
            edit(counter, "    @EventHandler\n    public void add(", "    @EventHandler\n    public void triple() {\n"
                    + "        count *= 3;\n    }\n\n    @EventHandler\n    public void add(");
            edit(template, "<button id=\"inc\"", "<button id=\"triple\" rl-click=\"triple\">x3</button>\n"
                    + "      <button id=\"inc\"");
            state.awaitHvrApplied("/counter", 3);
            // every other example's view, and a sticky child from another bundle
            addMethod(server.source("dev.relive.examples.form", "src/main/java/dev/relive/examples/form/FormView.java"));
            state.awaitHvrApplied("/form", 1);
            addMethod(server.source("dev.relive.examples.tabs", "src/main/java/dev/relive/examples/tabs/TabsView.java"));
            state.awaitHvrApplied("/tabs", 1);
            addMethod(server.source("dev.relive.examples.list", "src/main/java/dev/relive/examples/list/ListView.java"));
            state.awaitHvrApplied("/list", 1);
            addMethod(server.source("dev.relive.examples.widgets",
                    "src/main/java/dev/relive/examples/widgets/ClockWidget.java"));
            state.awaitHvrApplied("/dashboard", 1);

            state.assertStateKept();

            // the new code is visible and active
            browser.switchTo(state.tab("/counter"));
            assertThat(browser.text("h1")).isEqualTo("Counter, hot");
            // the Java and the template of the third save may have swapped one after the other
            browser.waitForSwap("the x3 button", () -> browser.exists("#triple"));
            browser.clickAndWait("#inc", "#count", String.valueOf(UserState.COUNT + 2));
            browser.clickAndWait("#triple", "#count", String.valueOf((UserState.COUNT + 2) * 3));
        }
    }

    @Test
    void theToastShowsOnlyWithDebugAndFallbacksAreVisible() throws Exception {
        try (LiveServer server = LiveServer.start()) {
            Path counter = server.source("dev.relive.examples.counter", COUNTER_JAVA);
            browser.open(server.url("/counter"));
            browser.waitForLive();
            browser.installHvrProbe();
            browser.clickAndWait("#inc", "#count", "1");
            browser.js("globalThis.reliveDebug = true");
            browser.recordToasts();

            edit(counter, "count += 1;", "count += 2;");
            browser.waitForSwap("hvr-applied", () -> browser.hvrApplied() >= 1);
            browser.waitUntil("the toast", () -> !browser.toasts().isEmpty());
            // its role, then its text
            assertThat(browser.toasts().get(0)).startsWith("status: ").contains("CounterView", "v1");
            browser.js("globalThis.reliveDebug = false");

            // a syntax error: the overlay names file and line; the old code still answers clicks
            edit(counter, "count += 2;", "count += 2");
            browser.waitForSwap("the error overlay", () -> browser.exists("#relive-hvr-overlay"));
            String overlay = browser.text("#relive-hvr-overlay");
            assertThat(overlay).contains("CounterView.java", ":" + lineOf(counter, "count += 2"));
            browser.clickAndWait("#inc", "#count", "3");

            // the fix: the overlay goes, the swap applies, the state is kept
            edit(counter, "count += 2", "count += 10;");
            browser.waitForSwap("the overlay goes", () -> !browser.exists("#relive-hvr-overlay"));
            browser.waitForSwap("hvr-applied", () -> browser.hvrApplied() >= 2);
            assertThat(browser.text("#count")).isEqualTo("3");
            browser.clickAndWait("#inc", "#count", "13");

            // a template that does not parse: the overlay names the template and a line, the last template that
            // parsed stays live and answers (Pebble names the line where it gave up: for an expression left open,
            // the template's end)
            Path template = server.source("dev.relive.examples.counter", COUNTER_PEB);
            edit(template, "<strong id=\"count\">{{ count }}</strong>", "<strong id=\"count\">{{ count </strong>");
            browser.waitForSwap("the template error overlay", () -> browser.exists("#relive-hvr-overlay"));
            assertThat(browser.text("#relive-hvr-overlay")).contains("Template does not parse", "CounterView.peb:")
                    .containsPattern("CounterView\\.peb:[1-9][0-9]*\\b");
            browser.clickAndWait("#inc", "#count", "23");
            edit(template, "{{ count </strong>", "{{ count }}</strong>");
            browser.waitForSwap("the overlay goes", () -> !browser.exists("#relive-hvr-overlay"));

            // a template that parses but does not render: the overlay says so, the page keeps what it showed;
            // creating the missing include renders the page again, and the overlay goes
            edit(template, "<h1>Counter</h1>", "<h1>Counter</h1>{% include \"later-part.peb\" %}");
            browser.waitForSwap("the render error overlay", () -> browser.exists("#relive-hvr-overlay"));
            assertThat(browser.text("#relive-hvr-overlay")).contains("Render failed", "CounterView", "later-part.peb")
                    .doesNotContain("line null", ":0:0");
            assertThat(browser.text("#count")).isEqualTo("23");
            Files.writeString(template.resolveSibling("later-part.peb"), "<em id=\"later-part\">part</em>");
            browser.waitForSwap("the include created renders the page",
                    () -> browser.exists("#later-part") && !browser.exists("#relive-hvr-overlay"));
            edit(template, "{% include \"later-part.peb\" %}", "");
            browser.waitForSwap("the include removed", () -> !browser.exists("#later-part"));
            browser.clickAndWait("#inc", "#count", "33");

            // a handler that throws: the overlay names it, where it threw and its message, the count stays; the
            // next event that works clears it
            long applied = browser.hvrApplied();
            edit(counter, "count += 10;", "if (count % 2 == 1) {\n            throw new IllegalStateException(\"odd: \" + count);\n        }\n        count += 10;");
            browser.waitForSwap("hvr-applied", () -> browser.hvrApplied() > applied);
            browser.click("#inc");
            browser.waitUntil("the handler overlay", () -> browser.exists("#relive-hvr-overlay"));
            assertThat(browser.text("#relive-hvr-overlay")).contains("Handler failed in CounterView", "odd: 33",
                    "CounterView.increment(CounterView.java:");
            assertThat(browser.text("#count")).isEqualTo("33");
            // the overlay lies over the top of the page: the click goes to the button under it
            browser.js("document.getElementById('add5').click()");
            browser.waitForText("#count", "38");
            browser.waitUntil("the overlay goes with a render that worked", () -> !browser.exists("#relive-hvr-overlay"));
            browser.clickAndWait("#inc", "#count", "48");

            // a removed handler: the page reloads, and the log names the reason
            browser.js("window.__beforeReload = true");
            edit(counter, "    @EventHandler\n    public void increment()", "    public void increment()");
            browser.waitForSwap("the page reloaded", () -> browser.js("return window.__beforeReload") == null);
            server.launcher().waitForLog(l -> l.contains("HVR incompat: handler_removed:increment"), Browser.SWAP);
            browser.waitForLive();
            assertThat(browser.text("[data-relive-reloaded]")).as("the reloaded page says why")
                    .contains("Reloaded: the new code of CounterView", "the handler increment the page calls is gone");

            // a page loaded afresh that cannot render (its include does not exist yet) gets the dev 500 page, which
            // has no live view: it reloads by itself once the save creating the include is applied
            edit(template, "<h1>Counter</h1>", "<h1>Counter</h1>{% include \"other-part.peb\" %}");
            browser.waitForSwap("the render error overlay", () -> browser.exists("#relive-hvr-overlay"));
            browser.driver().get(server.url("/counter"));
            browser.waitUntil("the 500 page", () -> browser.driver().getTitle().startsWith("500"));
            assertThat(browser.text("body")).contains("other-part.peb");
            browser.js("window.__errorPage = true");
            Files.writeString(template.resolveSibling("other-part.peb"), "<em id=\"other-part\">other</em>");
            browser.waitForSwap("the 500 page reloaded into the view", () -> browser.exists("#other-part"));
            assertThat(browser.js("return window.__errorPage")).isNull();
            browser.waitForLive();
        }
    }

    private static int lineOf(Path file, String text) throws IOException {
        var lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        return -1;
    }

    /** Adds a method to the end of a view class: new code, no visible change. */
    private static void addMethod(Path source) throws IOException {
        String text = Files.readString(source, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('}');
        save(source, text.substring(0, end) + "\n    public String hotSwapped() {\n        return \"yes\";\n    }\n}\n");
    }
}
