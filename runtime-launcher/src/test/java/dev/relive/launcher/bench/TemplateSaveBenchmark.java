package dev.relive.launcher.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.relive.launcher.DevWorkspace;
import dev.relive.launcher.LauncherProcess;
import dev.relive.launcher.e2e.Browser;

/**
 * Template save to DOM change in headless Chromium: a view's {@code .peb} file is saved as an editor does, and the
 * clock stops when a {@code MutationObserver} in the page sees the new text in the DOM (stamped with the page's
 * {@code performance.timeOrigin + performance.now()}, the same wall clock the save is stamped with). Prints the first
 * save (made {@code --first-save-after} ms after the page is live), then p50/p95 over {@code --saves} saves. With
 * {@code --before JAR} the same is measured first with that launcher jar, then with this build's.
 *
 * <pre>
 * mvn -B -q install -DskipTests
 * mvn -B -q -pl runtime-launcher exec:exec@template-latency -Dbench.args="--saves 20 --before OLD/relive.jar"
 * </pre>
 */
public final class TemplateSaveBenchmark {

    private static final String OBSERVE = """
            window.__reliveSeen = null;
            const expected = arguments[0];
            const marker = () => document.getElementById('marker');
            if (window.__reliveObserver) { window.__reliveObserver.disconnect(); }
            window.__reliveObserver = new MutationObserver(() => {
                if (window.__reliveSeen === null && marker() && marker().textContent === expected) {
                    window.__reliveSeen = performance.timeOrigin + performance.now();
                }
            });
            window.__reliveObserver.observe(document.body, {subtree: true, childList: true, characterData: true});
            """;

    public static void main(String[] args) throws Exception {
        int saves = 20;
        long firstSaveAfterMs = 5000;
        List<Path> jars = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--saves" -> saves = Integer.parseInt(args[++i]);
                case "--first-save-after" -> firstSaveAfterMs = Long.parseLong(args[++i]);
                case "--before" -> jars.add(Path.of(args[++i]).toAbsolutePath());
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        jars.add(LauncherProcess.jar());
        List<String> lines = new ArrayList<>();
        try (Browser browser = Browser.start()) {
            for (Path jar : jars) {
                System.setProperty("relive.jar", jar.toString());
                boolean after = jar.equals(jars.get(jars.size() - 1));
                String label = jars.size() == 1 ? "" : after ? "[after ] " : "[before] ";
                lines.addAll(run(browser, label, saves, firstSaveAfterMs));
            }
        }
        lines.forEach(System.out::println);
    }

    private static List<String> run(Browser browser, String label, int saves, long firstSaveAfterMs)
            throws Exception {
        Stats first = new Stats();
        Stats later = new Stats();
        try (DevWorkspace dev = DevWorkspace.start("/test/hvr")) {
            browser.open(dev.relive().baseUrl() + "test/hvr");
            long live = System.nanoTime();
            Path template = dev.view("HvrView.peb");
            Thread.sleep(Math.max(0, firstSaveAfterMs - (System.nanoTime() - live) / 1_000_000));
            first.add(save(browser, dev, template, "t0"));
            for (int i = 1; i <= saves; i++) {
                Thread.sleep(300);
                later.add(save(browser, dev, template, "t" + i));
            }
            browser.reset();
        }
        return List.of(
                String.format("%stemplate save -> DOM change in Chromium, first save %d ms after the page was live: %s",
                        label, firstSaveAfterMs, Stats.ms(first.percentile(50))),
                String.format("%stemplate save -> DOM change in Chromium, over %d saves: p50=%s p95=%s max=%s", label,
                        later.count(), Stats.ms(later.percentile(50)), Stats.ms(later.percentile(95)),
                        Stats.ms(later.percentile(100))));
    }

    /** Saves the template with the marker's text {@code text}; microseconds until the page shows it. */
    private static long save(Browser browser, DevWorkspace dev, Path template, String text) throws Exception {
        String next = Files.readString(template).replaceAll("<p id=\"marker\">[^<]*</p>",
                "<p id=\"marker\">" + text + "</p>");
        browser.js(OBSERVE, text);
        Instant saved = Instant.now();
        dev.save(template, next);
        browser.waitUntil("the page shows " + text, () -> browser.js("return window.__reliveSeen") != null);
        double seenMillis = ((Number) browser.js("return window.__reliveSeen")).doubleValue();
        double savedMillis = saved.truncatedTo(ChronoUnit.MICROS).toEpochMilli()
                + (saved.getNano() % 1_000_000) / 1e6;
        return Math.round((seenMillis - savedMillis) * 1000);
    }
}
