package dev.relive.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Hot View Replacement end to end: a dev-mode launcher on a temp copy of the workspace, real source edits saved
 * the way editors save, and the frames a real WebSocket client receives.
 */
class HvrIT {

    private static final String VIEW = "dev.relive.testviews.HvrView";
    /** A save built, the bundle updated and the sessions swapped, on a machine that may be busy. */
    private static final Duration SWAP = Duration.ofSeconds(120);

    static JsonNode applied(WsClient ws) throws InterruptedException {
        return ws.next(f -> "hvr-applied".equals(f.path("type").asText()), SWAP);
    }

    static String html(WsClient ws) throws InterruptedException {
        long ref = ws.send(WsClient.JSON.createObjectNode().put("type", "render"));
        return ws.answer(ref).path("html").asText();
    }

    @Test
    void handlerBodyChangeKeepsTheCountAndChildState() throws Exception {
        try (DevWorkspace dev = DevWorkspace.start("/test/hvr"); WsClient ws = WsClient.connect(dev.relive().baseUrl())) {
            ws.mount(dev.relive(), "/test/hvr");
            ws.answer(ws.event("add", Map.of("amount", 41)));
            ws.answer(ws.event("increment", null));
            ws.answer(ws.event("click", null, "side"));
            ws.answer(ws.event("tap", null, "lib"));
            ws.answer(ws.event("note", Map.of("text", "first")));
            assertThat(html(ws)).contains("<p id=\"count\">42</p>");

            dev.edit(dev.view("HvrView.java"), "count += 1;", "count += 10;");
            JsonNode frame = applied(ws);
            assertThat(frame.path("view").asText()).isEqualTo(VIEW);
            assertThat(frame.path("version").asInt()).isEqualTo(1);
            assertThat(frame.path("file").asText()).as("the saved file; the runtime's output:%n%s",
                    dev.relive().stdout()).isEqualTo(dev.view("HvrView.java").toString());
            assertThat(frame.path("ms").asLong()).isPositive();

            JsonNode patch = ws.answer(ws.event("increment", null));
            assertThat(patch.path("patches").toString()).contains("\"text\":\"52\"");
            String html = html(ws);
            assertThat(html).contains("<span id=\"side\">1</span>", "[taps 1]", "<li>first/CALM</li>",
                    "<p id=\"mood\">HAPPY</p>", "<p id=\"listeners\">1</p>");
        }
    }

    /**
     * Issue 5 (save-to-applied latency): once the background warm-up has built the project, a body edit compiles only
     * its own file and rewrites the last jar instead of running bnd; an edit that changes what bnd reads runs bnd.
     * The tests run no JIT warm-up ({@code warm_up_builds=0}): the builds saves start from are made all the same.
     */
    @Test
    void issue5BodyEditsCompileOneFileAndKeepTheManifest() throws Exception {
        try (DevWorkspace dev = DevWorkspace.start("/test/hvr");
                WsClient ws = WsClient.connect(dev.relive().baseUrl()).keepAlive();
                WsClient other = WsClient.connect(dev.relive().baseUrl()).keepAlive()) {
            ws.mount(dev.relive(), "/test/hvr");
            other.mount(dev.relive(), "/test/hvr");
            dev.awaitWarmUp();
            if ("0".equals(System.getProperty(DevWorkspace.WARM_UP_PROPERTY))) {
                assertThat(dev.relive().commandUntil("hvr:status", l -> l.startsWith("Warm-up: "), SWAP)).isEqualTo(
                        "Warm-up: ended: turned off (warm_up_builds=0), after the builds saves start from");
            }
            ws.answer(ws.event("add", Map.of("amount", 41)));

            dev.edit(dev.view("HvrView.java"), "count += 1;", "count += 10;");
            // a view's version counts swaps, not the sessions showing it
            assertThat(applied(ws).path("version").asInt()).isEqualTo(1);
            assertThat(applied(other).path("version").asInt()).isEqualTo(1);
            // the status is recorded once the frames are sent
            assertThat(dev.relive().commandUntil("hvr:status", l -> l.contains("dev.relive.testviews: ok"),
                    SWAP)).containsPattern("compiled 1 of \\d+ source\\(s\\), manifest unchanged");
            assertThat(ws.answer(ws.event("increment", null)).path("patches").toString()).contains("\"text\":\"51\"");

            // a new component property changes the component XML: bnd runs
            String text = Files.readString(dev.view("HvrView.java"));
            dev.save(dev.view("HvrView.java"), text.replace("count += 10;", "count += 100;").replace(
                    "scope = ServiceScope.PROTOTYPE)", "scope = ServiceScope.PROTOTYPE, property = \"hvr.test=1\")"));
            assertThat(applied(ws).path("version").asInt()).isEqualTo(2);
            assertThat(applied(other).path("version").asInt()).isEqualTo(2);
            assertThat(dev.relive().commandUntil("hvr:status", l -> l.contains("dev.relive.testviews: ok")
                    && !l.contains("manifest unchanged"), SWAP))
                    .containsPattern("compiled 1 of \\d+ source\\(s\\), analysed by bnd");
            assertThat(ws.answer(ws.event("increment", null)).path("patches").toString()).contains("\"text\":\"151\"");
        }
    }

    /** A session whose mount is still running when the save comes is swapped once its mount is done. */
    @Test
    void aSessionMountingDuringTheSaveGetsTheNewCode() throws Exception {
        try (DevWorkspace dev = DevWorkspace.start("/test/hvr");
                WsClient ws = WsClient.connect(dev.relive().baseUrl()).keepAlive()) {
            ws.mount(dev.relive(), "/test/hvr");
            dev.awaitWarmUp(); // so the swap runs while the mount below sleeps
            // connected only now: a socket that mounts nothing is closed when idle, and a warm-up may take a while
            mountDuringSave(dev, ws, WsClient.connect(dev.relive().baseUrl()));
        }
    }

    private void mountDuringSave(DevWorkspace dev, WsClient ws, WsClient slow) throws Exception {
        try (slow) {
            String page = dev.relive().get("/test/hvr?pause=5000").body();
            Matcher token = Pattern.compile("rl-token=\"([^\"]+)\"").matcher(page);
            assertThat(token.find()).isTrue();
            slow.sendRaw("{\"type\":\"mount\",\"protocol\":1,\"token\":\"" + token.group(1) + "\",\"url\":\""
                    + dev.relive().baseUrl() + "test/hvr?pause=5000\"}");
            // the mount is sleeping in HvrView.mount, with an instance of the old class, once the frame has reached
            // the server: 2 s for that on a loaded machine (a save applied before the mount began would be no swap
            // of this session, and no hvr-applied would come); a save applied after the 5 s pause swaps the mounted
            // session as any other, so a slow build cannot fail the test
            Thread.sleep(2000);

            dev.edit(dev.view("HvrView.java"), "count += 1;", "count += 10;");

            applied(ws);
            slow.next(f -> "mounted".equals(f.path("type").asText()));
            assertThat(applied(slow).path("view").asText()).isEqualTo(VIEW);
            assertThat(slow.answer(slow.event("increment", null)).path("patches").toString())
                    .contains("\"text\":\"10\"");
        }
    }

    @Test
    void fallbacksReloadWithTheirReasons() throws Exception {
        try (DevWorkspace dev = DevWorkspace.start("/test/hvr")) {
            expectReload(dev, "public void add(int amount) {\n        count += amount;",
                    "public void add(int delta) {\n        count += delta;", "handler_params_changed:add");
            expectReload(dev, "@EventHandler\n    public void note(", "public void note(", "handler_removed:note");
            expectReload(dev, "private String caption = \"hello\";", "private java.util.List<Integer> caption;",
                    "field_type_changed:caption");
            expectReload(dev, "extends BaseView", "extends OtherBase", "superclass_changed");
            try (WsClient ws = WsClient.connect(dev.relive().baseUrl())) {
                ws.mount(dev.relive(), "/test/hvr");
                Files.delete(dev.view("HvrView.java"));
                JsonNode reload = ws.next(f -> "reload".equals(f.path("type").asText()), SWAP);
                assertThat(reload.path("reason").asText()).isEqualTo("class_removed");
            }
            dev.relive().waitForLog(l -> l.contains("HVR incompat: class_removed"), SWAP);
            assertThat(dev.relive().commandUntil("hvr:status", l -> l.contains(VIEW + ": sessions=0"), SWAP))
                    .as("hvr:status says the deleted view is gone").contains("no longer registered");
        }
    }

    private static void expectReload(DevWorkspace dev, String from, String to, String reason) throws Exception {
        try (WsClient ws = WsClient.connect(dev.relive().baseUrl())) {
            ws.mount(dev.relive(), "/test/hvr");
            dev.edit(dev.view("HvrView.java"), from, to);
            JsonNode reload = ws.next(f -> "reload".equals(f.path("type").asText()), SWAP);
            assertThat(reload.path("reason").asText()).isEqualTo(reason);
            dev.relive().waitForLog(l -> l.contains("HVR incompat: " + reason), SWAP);
        }
    }

    @Test
    void syntaxErrorKeepsOldCodeThenTheFixApplies() throws Exception {
        try (DevWorkspace dev = DevWorkspace.start("/test/hvr"); WsClient ws = WsClient.connect(dev.relive().baseUrl())) {
            ws.mount(dev.relive(), "/test/hvr");
            ws.answer(ws.event("add", Map.of("amount", 5)));
            dev.edit(dev.view("HvrView.java"), "count += 1;", "count += 1");
            JsonNode error = ws.next(f -> "hvr-error".equals(f.path("type").asText()), SWAP);
            assertThat(error.path("file").asText()).isEqualTo(dev.view("HvrView.java").toString());
            assertThat(error.path("line").asInt()).isEqualTo(lineOf(dev, "count += 1"));
            // javac says "';' expected", ECJ says "Syntax error, insert \";\" to complete BlockStatements"
            assertThat(error.path("message").asText()).containsAnyOf("';' expected", "insert \";\"");
            assertThat(ws.answer(ws.event("increment", null)).path("patches").toString()).contains("\"text\":\"6\"");

            dev.edit(dev.view("HvrView.java"), "count += 1", "count += 2;");
            applied(ws);
            assertThat(ws.answer(ws.event("increment", null)).path("patches").toString()).contains("\"text\":\"8\"");
        }
    }

    private static int lineOf(DevWorkspace dev, String text) throws Exception {
        var lines = Files.readAllLines(dev.view("HvrView.java"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        return -1;
    }

    @Test
    void newHandlerTemplateHelperAndLibraryEditsSwap() throws Exception {
        try (DevWorkspace dev = DevWorkspace.start("/test/hvr"); WsClient ws = WsClient.connect(dev.relive().baseUrl())) {
            ws.mount(dev.relive(), "/test/hvr");
            ws.answer(ws.event("add", Map.of("amount", 21)));
            ws.answer(ws.event("tap", null, "lib"));

            dev.edit(dev.view("HvrView.java"), "    public String label() {",
                    "    @EventHandler\n    public void twice() {\n        count *= 2;\n    }\n\n    public String label() {");
            applied(ws);
            assertThat(ws.answer(ws.event("twice", null)).path("patches").toString()).contains("\"text\":\"42\"");

            // a new field, shown by the template saved with it: it starts with its initial value, the rest is kept
            dev.edit(dev.view("HvrView.java"), "    private String caption = \"hello\";",
                    "    private String caption = \"hello\";\n    private String fresh = \"new field\";");
            dev.edit(dev.view("HvrView.peb"), "<p id=\"caption\">", "<p id=\"fresh\">{{ fresh }}</p><p id=\"caption\">");
            applied(ws);
            String page = html(ws);
            if (!page.contains("<p id=\"fresh\">")) {
                // the source was built before the template's save arrived: the template comes as a save of its own
                applied(ws);
                page = html(ws);
            }
            assertThat(page).contains("<p id=\"fresh\">new field</p>", "<p id=\"count\">42</p>");

            dev.edit(dev.view("HvrView.peb"), "<p id=\"marker\">v1</p>", "<p id=\"marker\">v2</p>");
            JsonNode tpl = applied(ws);
            assertThat(tpl.path("view").asText()).isEqualTo(VIEW);
            assertThat(html(ws)).contains("<p id=\"marker\">v2</p>", "<p id=\"count\">42</p>");

            dev.edit(dev.view("Labels.java"), "\"count is \"", "\"total: \"");
            assertThat(applied(ws).path("view").asText()).isEqualTo(VIEW);
            assertThat(html(ws)).contains("total: 42", "<p id=\"marker\">v2</p>");
            assertThat(dev.relive().get("/test/hvr").body()).contains("total: 0");

            dev.edit(dev.lib("Decorator.java"), "\"[\" + text + \"]\"", "\"{\" + text + \"}\"");
            applied(ws);
            assertThat(html(ws)).contains("{HVR}", "{taps 1}", "total: 42");
        }
    }

    @Test
    void theRunningTimerPicksUpANewTickInterval() throws Exception {
        try (DevWorkspace dev = DevWorkspace.start("/test/clock"); WsClient ws = WsClient.connect(dev.relive().baseUrl())) {
            ws.mount(dev.relive(), "/test/clock");
            long before = medianTickInterval(ws, 6);
            dev.edit(dev.view("ClockView.java"), "return running ? Duration.ofMillis(interval) : null;",
                    "return running ? Duration.ofMillis(1000) : null;");
            ws.next(f -> "hvr-applied".equals(f.path("type").asText()), SWAP);
            nextTick(ws);
            long after = medianTickInterval(ws, 4);
            // 100 ms, then 1000 ms: a loaded machine stretches the short interval, so the ratio has a wide margin
            assertThat(after).as("median tick interval %d ms before the save, %d ms after", before / 1_000_000,
                    after / 1_000_000).isGreaterThanOrEqualTo(3 * before);
        }
    }

    /** The median time between {@code ticks} consecutive tick patches, by when they arrived. */
    private static long medianTickInterval(WsClient ws, int ticks) throws InterruptedException {
        List<Long> arrivals = new ArrayList<>();
        for (int i = 0; i < ticks; i++) {
            arrivals.add(ws.receivedNanos(nextTick(ws)));
        }
        List<Long> intervals = new ArrayList<>();
        for (int i = 1; i < arrivals.size(); i++) {
            intervals.add(arrivals.get(i) - arrivals.get(i - 1));
        }
        intervals.sort(null);
        return intervals.get(intervals.size() / 2);
    }

    private static JsonNode nextTick(WsClient ws) throws InterruptedException {
        return ws.next(f -> "patch".equals(f.path("type").asText()) && !f.has("ref"), SWAP);
    }

    @Test
    void eventsDuringTenSavesAreNeitherLostNorDoubled() throws Exception {
        try (DevWorkspace dev = DevWorkspace.start("/test/hvr"); WsClient ws = WsClient.connect(dev.relive().baseUrl())) {
            ws.mount(dev.relive(), "/test/hvr");
            Map<Long, Integer> answers = new HashMap<>();
            long first = -1;
            long last = -1;
            for (int save = 1; save <= 10; save++) {
                for (int i = 0; i < 20; i++) {
                    long ref = ws.event("add", Map.of("amount", 1));
                    first = first < 0 ? ref : first;
                    last = ref;
                    if (i == 10) {
                        dev.edit(dev.view("BaseView.java"), save == 1 ? "\"HVR\"" : "\"HVR " + (save - 1) + "\"",
                                "\"HVR " + save + "\"");
                    }
                    Thread.sleep(15);
                }
            }
            long deadline = System.nanoTime() + SWAP.toNanos();
            while (answers.size() < 200 && System.nanoTime() < deadline) {
                JsonNode f = ws.poll(Duration.ofSeconds(5));
                if (f != null && f.has("ref")) {
                    answers.merge(f.path("ref").asLong(), 1, Integer::sum);
                }
            }
            assertThat(answers).hasSize(200);
            assertThat(answers.values()).allMatch(n -> n == 1);
            assertThat(answers.keySet()).allMatch(r -> r >= 1 && r <= 200);
            String html = html(ws);
            while (!html.contains("[HVR 10]") && System.nanoTime() < deadline) {
                applied(ws);
                html = html(ws);
            }
            assertThat(html).contains("<p id=\"count\">200</p>", "[HVR 10]");
        }
    }

    @Test
    void componentsRegisterOnceAfterFiveSwaps() throws Exception {
        try (DevWorkspace dev = DevWorkspace.start("/test/hvr"); WsClient ws = WsClient.connect(dev.relive().baseUrl())) {
            ws.mount(dev.relive(), "/test/hvr");
            for (int i = 1; i <= 5; i++) {
                dev.edit(dev.view("BaseView.java"), i == 1 ? "\"HVR\"" : "\"HVR " + (i - 1) + "\"", "\"HVR " + i + "\"");
                applied(ws);
            }
            assertThat(html(ws)).contains("<p id=\"listeners\">1</p>", "[HVR 5]");
            String status = dev.relive().commandUntil("hvr:status", l -> l.contains(VIEW + ": sessions=1 version=5"),
                    SWAP);
            // a body edit is redefined in place once the build compares with the running classes
            assertThat(status).containsPattern("last=(swapped|redefined in place)");
        }
    }
}
