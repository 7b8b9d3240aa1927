package dev.relive.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 13 (launch under a second): what the launch leaves until after {@code ready} still happens, and
 * {@code ready} still means that the pages answer. (That a jar dropped into the deploy folder right after {@code ready}
 * is installed, FileInstall having started after it, {@code LauncherIT} checks.)
 */
class Issue13LaunchIT {

    private static final Duration SWAP = Duration.ofSeconds(120);

    @Test
    void readyMeansThePagesAnswerAndTheProfileCountsFromTheProcessStart() throws Exception {
        Path dir = Files.createTempDirectory("relive-issue13-launch");
        try (LauncherProcess relive = LauncherProcess.start(dir, "--profile-startup")) {
            assertThat(relive.get("/counter").statusCode()).as("the first request after ready, not retried")
                    .isEqualTo(200);
            assertThat(relive.get("/").statusCode()).isEqualTo(200);

            List<String> rows = profile(relive);
            assertThat(rows.get(0)).contains("process start to main");
            long[] first = figures(rows.get(0));
            assertThat(first[0]).as("the first row ends at main, as long after the process start as it took")
                    .isEqualTo(first[1]);
            long ready = at(rows, "ready");
            long console = at(rows, "console started");
            assertThat(ready).as("ms since the process started").isGreaterThan(first[0]);
            assertThat(console).as("the console's bundles start after ready").isGreaterThanOrEqualTo(ready);
            assertThat(at(rows, "start org.apache.felix.fileinstall"))
                    .as("with the deploy folder empty at the launch, FileInstall starts after ready").isGreaterThan(ready);
        } finally {
            TestFolders.deleteTree(dir);
        }
    }

    /**
     * HVR's compiler and save pipeline are made after activation, beside the launch: a save made as soon as the page
     * answers waits for them and applies, and the compiler is reported once made.
     */
    @Test
    void aSaveMadeAsSoonAsThePageAnswersApplies() throws Exception {
        try (DevWorkspace dev = DevWorkspace.start("/test/hvr"); WsClient ws = WsClient.connect(dev.relive().baseUrl())) {
            ws.mount(dev.relive(), "/test/hvr");
            dev.edit(dev.view("HvrView.java"), "count += 1;", "count += 10;");
            JsonNode applied = HvrIT.applied(ws);
            assertThat(applied.path("version").asInt()).isEqualTo(1);
            assertThat(ws.answer(ws.event("increment", null)).path("patches").toString()).contains("\"text\":\"10\"");
            assertThat(dev.relive().commandUntil("hvr:status", l -> l.startsWith("Compiler: "), SWAP))
                    .contains("Compiler: ecj");
        }
    }

    /**
     * The warm-up runs its builds until they stop getting faster (or a save comes), and says in {@code hvr:status}
     * where it stands and how it ended.
     */
    @Test
    void theWarmUpSaysHowItEnded() throws Exception {
        try (DevWorkspace dev = DevWorkspace.startWithWarmUp("/test/hvr")) {
            dev.awaitWarmUp();
            assertThat(dev.relive().commandUntil("hvr:status", l -> l.startsWith("Warm-up: "), SWAP))
                    .matches("Warm-up: ended: (builds no longer faster|the most builds it runs) after \\d+ builds in "
                            + "\\d+ ms \\(first \\d+ ms, last \\d+ ms\\)");
        }
    }

    /** The rows of the start-up profile, once printed. */
    private static List<String> profile(LauncherProcess relive) throws InterruptedException {
        relive.waitForOutput(l -> l.contains("console started"), LauncherProcess.START);
        List<String> rows = new ArrayList<>();
        boolean in = false;
        for (String line : relive.stdout().split("\n")) {
            if (line.startsWith("relive: start-up profile")) {
                in = true;
            } else if (in && line.startsWith("  ")) {
                rows.add(line.strip());
            } else if (in) {
                break;
            }
        }
        return rows;
    }

    /** The end time of the row named {@code name}. */
    private static long at(List<String> rows, String name) {
        return rows.stream().filter(r -> r.endsWith(" " + name))
                .mapToLong(r -> figures(r)[0]).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + name + " in " + rows));
    }

    /** A row's end time and, when it has one, its length (else -1). */
    private static long[] figures(String row) {
        String[] words = row.split(" +");
        long at = Long.parseLong(words[0]);
        long took = words[1].matches("\\d+") ? Long.parseLong(words[1]) : -1;
        return new long[] {at, took};
    }
}
