package dev.relive.launcher.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.relive.launcher.LauncherProcess;
import dev.relive.launcher.WsClient;
import dev.relive.launcher.e2e.Browser;

/**
 * A stream of 10,000 rows re-sent in a new order: the list example ({@code /list}) with every row loaded, sorted by
 * one column after another. Measured twice per launcher jar, on a production runtime of the example bundles:
 * <ul>
 * <li>over a WebSocket client: the {@code sort} event until its answer (the server's render, the stream's items
 * written, the frame sent and read), and the answer frame's size;</li>
 * <li>in headless Chromium: the click until a {@code MutationObserver} sees the new sort order's label, which the
 * same frame patches after the rows (the observer runs once the whole frame is applied), and until the browser's next
 * frame is drawn (its style, layout and paint of the moved rows: what the user waits for).</li>
 * </ul>
 * Prints p50 and the slowest of {@code --sorts} sorts each. With {@code --before JAR} the same is measured first with
 * that launcher jar, then with this build's.
 *
 * <pre>
 * mvn -B -q install -DskipTests
 * mvn -B -q -pl runtime-launcher exec:exec@stream-sort -Dbench.args="--sorts 8 --before OLD/relive.jar"
 * </pre>
 */
public final class StreamSortBenchmark {

    private static final String[] COLUMNS = { "score", "name", "city", "id" };
    private static final int ROWS = 10_000;

    public static void main(String[] args) throws Exception {
        int sorts = 8;
        List<Path> jars = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sorts" -> sorts = Integer.parseInt(args[++i]);
                case "--before" -> jars.add(Path.of(args[++i]).toAbsolutePath());
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        jars.add(LauncherProcess.jar());
        List<String> lines = new ArrayList<>();
        try (Browser browser = Browser.start()) {
            for (Path jar : jars) {
                boolean after = jar.equals(jars.get(jars.size() - 1));
                String label = jars.size() == 1 ? "" : after ? "[after ] " : "[before] ";
                lines.addAll(run(browser, jar, label, sorts));
            }
        }
        lines.forEach(System.out::println);
        System.exit(0);
    }

    private static List<String> run(Browser browser, Path jar, String label, int sorts) throws Exception {
        Path dir = Files.createTempDirectory("relive-stream-sort");
        Files.createDirectories(dir.resolve("deploy"));
        Stats server = new Stats();
        Stats chromium = new Stats();
        Stats painted = new Stats();
        List<Long> frameBytes = new ArrayList<>();
        try (LauncherProcess relive = LauncherProcess.startJar(jar, dir)) {
            relive.awaitPage("/list");
            try (WsClient ws = WsClient.connect(relive.baseUrl()).keepAlive()) {
                ws.mount(relive, "/list");
                loadAll(ws);
                sort(ws, sorts); // the JIT's warm-up: not counted
                for (int i = 0; i < sorts; i++) {
                    long chars = ws.receivedChars();
                    long start = System.nanoTime();
                    ws.answer(ws.event("sort", Map.of("by", COLUMNS[i % COLUMNS.length])));
                    server.add((System.nanoTime() - start) / 1_000);
                    frameBytes.add(ws.receivedChars() - chars);
                }
            }
            browser.open(relive.baseUrl() + "list");
            browser.waitForLive();
            for (int shown = 1_500; shown <= ROWS; shown = Math.min(ROWS, shown + 1_000)) {
                browser.js("document.getElementById('more').click()");
                browser.waitForText("#shown-count", String.valueOf(shown));
                if (shown == ROWS) {
                    break;
                }
            }
            for (int i = 0; i < sorts; i++) {
                String by = COLUMNS[i % COLUMNS.length];
                browser.js("""
                        window.__sorted = null; // the label names the column; its direction is not awaited
                        window.__painted = null;
                        const label = document.getElementById('sort-state');
                        new MutationObserver((records, observer) => {
                            if (label.textContent.startsWith(arguments[1])) {
                                window.__sorted = performance.now();
                                observer.disconnect();
                                // the frame after the patch: its style, layout and paint done
                                requestAnimationFrame(() => setTimeout(() => {
                                    window.__painted = performance.now();
                                }, 0));
                            }
                        }).observe(label, {subtree: true, childList: true, characterData: true});
                        window.__clicked = performance.now();
                        document.getElementById('sort-' + arguments[0]).click();
                        """, by, by + " ");
                browser.waitUntil("sorted by " + by, () -> browser.js("return window.__painted") != null);
                double ms = ((Number) browser.js("return window.__sorted - window.__clicked")).doubleValue();
                chromium.add(Math.round(ms * 1000));
                double shown = ((Number) browser.js("return window.__painted - window.__clicked")).doubleValue();
                painted.add(Math.round(shown * 1000));
                browser.waitForIdle();
            }
            browser.reset();
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        frameBytes.sort(null);
        return List.of(
                String.format("%ssort of %,d stream rows, event -> answer over WebSocket, %d sorts: p50=%s max=%s;"
                        + " answer frame %,d bytes (median), %,d to %,d",
                        label, ROWS, server.count(), Stats.ms(server.percentile(50)),
                        Stats.ms(server.percentile(100)), frameBytes.get(frameBytes.size() / 2), frameBytes.get(0),
                        frameBytes.get(frameBytes.size() - 1)),
                String.format("%ssort of %,d stream rows, click -> DOM patched in Chromium, %d sorts: p50=%s max=%s",
                        label, ROWS, chromium.count(), Stats.ms(chromium.percentile(50)),
                        Stats.ms(chromium.percentile(100))),
                String.format("%ssort of %,d stream rows, click -> next frame drawn in Chromium, %d sorts: p50=%s max=%s",
                        label, ROWS, painted.count(), Stats.ms(painted.percentile(50)),
                        Stats.ms(painted.percentile(100))));
    }

    private static void loadAll(WsClient ws) throws InterruptedException {
        for (int i = 0; i < (ROWS - 500) / 1_000 + 1; i++) {
            ws.answer(ws.event("more", Map.of()));
        }
    }

    private static void sort(WsClient ws, int times) throws InterruptedException {
        for (int i = 0; i < times; i++) {
            ws.answer(ws.event("sort", Map.of("by", COLUMNS[i % COLUMNS.length])));
        }
    }
}
