package dev.relive.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A production runtime (no HVR) with a view bundle in {@code deploy/}: replacing its jar carries each open session's
 * fields into the new version, and events sent while the bundle is replaced run once each, on the new version.
 */
class Issue18LiveUpgradeIT {

    /** The deploy folder's update and the live upgrade, on a machine that may be busy. */
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Pattern COUNT = Pattern.compile("<p id=\\\\?\"count\\\\?\">(\\d+)</p>");

    @TempDir
    Path dir;

    @Test
    void replacingAViewJarInDeployKeepsEverySessionsFields() throws Exception {
        Path thirdParty = LauncherProcess.thirdParty();
        Files.createDirectories(dir.resolve("deploy"));
        Files.copy(thirdParty.resolve("dev.relive.testlib.jar"), dir.resolve("deploy/testlib.jar"));
        Files.copy(thirdParty.resolve("dev.relive.testviews.jar"), dir.resolve("deploy/testviews.jar"));
        try (LauncherProcess relive = LauncherProcess.start(dir)) {
            relive.commandUntil("lb", l -> l.contains("Relive test views") && l.contains("Active"), WAIT);
            List<WsClient> tabs = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    WsClient tab = WsClient.connect(relive.baseUrl());
                    tab.mount(relive, "/test/echo");
                    tab.answer(tab.event("add", Map.of("amount", 10 * (i + 1))));
                    tab.answer(tab.event("say", Map.of("text", "typed in tab " + i)));
                    tabs.add(tab);
                }

                Thread sender = new Thread(() -> {
                    for (int round = 0; round < 40; round++) {
                        tabs.forEach(tab -> tab.event("increment", null));
                        sleep(25);
                    }
                });
                sender.start();
                sleep(200);
                BundleJars.release(thirdParty.resolve("dev.relive.testviews.jar"), dir.resolve("deploy/testviews.jar"),
                        "9.0.0");
                sender.join();

                String carried = relive.waitForLog(l -> l.contains("Live upgrade: dev.relive.testviews")
                        && l.contains("carried"), WAIT);
                System.out.println(carried);
                assertThat(carried).contains("-> 9.0.0").contains("3 session(s) carried their state, 0 reloaded");
                relive.commandUntil("lb", l -> l.contains("Relive test views") && l.contains("9.0.0")
                        && l.contains("Active"), WAIT);

                for (int i = 0; i < tabs.size(); i++) {
                    WsClient tab = tabs.get(i);
                    JsonNode answer = tab.answer(tab.event("say", Map.of("text", "after the upgrade")));
                    assertThat(answer.toString()).contains("after the upgrade");
                    assertThat(tab.seen()).noneMatch(f -> "reload".equals(f.path("type").asText()));
                    tab.sendRaw("{\"type\":\"render\",\"ref\":" + tab.nextRef() + "}");
                    JsonNode render = tab.next(f -> "render".equals(f.path("type").asText()));
                    Matcher count = COUNT.matcher(render.toString());
                    assertThat(count.find()).as("count in %s", render).isTrue();
                    assertThat(Integer.parseInt(count.group(1))).as("tab %d: its own count, no event lost or doubled", i)
                            .isEqualTo(10 * (i + 1) + 40);
                }
            } finally {
                tabs.forEach(WsClient::close);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
