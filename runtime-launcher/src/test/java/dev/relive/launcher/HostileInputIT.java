package dev.relive.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Hostile clients against the real launcher: 10,000 malformed or mutated frames, floods, a client that stops
 * reading, expired tokens. The server must answer each bad frame with an error, keep the session serving, and not
 * let one client hurt the others.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

    /**
     * Page tokens expire this soon here, for {@link #expiredTokensAreRefused()}; long enough for the other tests'
     * mounts, which fetch a page and mount it right after, on a loaded machine too.
     */
    static final int TOKEN_TTL_SECONDS = 10;
    /** Frames a second one connection may send here; the fuzz stays under it. */
    static final int FRAMES_PER_SECOND = 4000;
    static LauncherProcess relive;
    static Path dir;
    /** A page fetched at the start, with the time it was fetched: its token has expired by the last test. */
    static String earlyPage;
    static long earlyPageNanos;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("relive-hostile");
        Files.createDirectories(dir.resolve("deploy"));
        Path thirdParty = LauncherProcess.thirdParty();
        Files.copy(thirdParty.resolve("dev.relive.testlib.jar"), dir.resolve("deploy/testlib.jar"));
        Files.copy(thirdParty.resolve("dev.relive.testviews.jar"), dir.resolve("deploy/testviews.jar"));
        Files.writeString(dir.resolve("deploy/dev.relive.runtime.cfg"),
                "events_per_second=" + FRAMES_PER_SECOND + "\nmax_pending_bytes=262144\ntoken_ttl_seconds="
                        + TOKEN_TTL_SECONDS + "\n");
        relive = LauncherProcess.start(dir);
        relive.awaitPage("/test/echo");
        earlyPageNanos = System.nanoTime();
        earlyPage = relive.get("/test/echo").body();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            assertThat(relive.process().isAlive()).isTrue();
            assertThat(relive.stderr()).doesNotContain("Exception in thread", "OutOfMemoryError");
        } finally {
            relive.close();
            TestFolders.deleteTree(dir);
        }
    }

    @Test
    void tenThousandMalformedFramesEachGetAnErrorAndTheSessionServesOn() throws Exception {
        Random random = new Random(7);
        int errors = 0;
        int answered = 0;
        int cases = 10_000;
        try (WsClient ws = WsClient.connect(relive.baseUrl())) {
            ws.mount(relive, "/test/echo");
            long pingRef = 1_000_000;
            long lastCase = 0;
            for (int i = 0; i < cases; i++) {
                // two frames a case, and every frame counts against the rate limit: stay under it
                long early = lastCase + 2 * (1_000_000_000L / FRAMES_PER_SECOND) * 5 / 4 - System.nanoTime();
                if (i > 0 && early > 0) {
                    Thread.sleep(early / 1_000_000, (int) (early % 1_000_000));
                }
                lastCase = System.nanoTime();
                Fuzz.Case c = Fuzz.next(random, i);
                ws.sendRaw(c.text());
                pingRef++;
                ws.sendRaw("{\"type\":\"ping\",\"ref\":" + pingRef + "}");
                long expect = pingRef;
                List<JsonNode> between = new ArrayList<>();
                ws.next(f -> {
                    if (f.path("type").asText().equals("pong") && f.path("ref").asLong() == expect) {
                        return true;
                    }
                    between.add(f);
                    return false;
                });
                boolean gotError = between.stream().anyMatch(f -> "error".equals(f.path("type").asText()));
                if (c.valid()) {
                    answered++;
                } else {
                    assertThat(gotError).as("case %d (%s) got an error frame: %s", i, c.kind(), c.text().length() > 200
                            ? c.text().substring(0, 200) : c.text()).isTrue();
                    errors++;
                }
                if (ws.seen().size() > 10_000) {
                    ws.seen().clear();
                }
            }
            JsonNode ok = ws.answer(ws.event("say", Map.of("text", "still here")));
            assertThat(ok.path("type").asText()).isEqualTo("patch");
            assertThat(ok.toString()).contains("still here");
        }
        System.out.printf("fuzz: %d frames, %d refused with an error frame, %d valid (unknown fields) answered%n",
                cases, errors, answered);
        assertThat(errors + answered).isEqualTo(cases);
    }

    @Test
    void issue16ABinaryFrameGetsAnErrorAndTheSessionServesOn() throws Exception {
        try (WsClient ws = WsClient.connect(relive.baseUrl())) {
            ws.mount(relive, "/test/echo");
            ws.sendBinary(new byte[] {1, 2, 3});
            JsonNode refused = ws.next(f -> "error".equals(f.path("type").asText()));
            assertThat(refused.path("code").asText()).isEqualTo("bad_frame");
            assertThat(refused.path("message").asText()).contains("binary frames are not read");
            JsonNode ok = ws.answer(ws.event("say", Map.of("text", "after binary")));
            assertThat(ok.toString()).contains("after binary");
        }
    }

    @Test
    void aFloodingClientIsThrottledWithoutHurtingOthers() throws Exception {
        try (WsClient flood = WsClient.connect(relive.baseUrl()); WsClient calm = WsClient.connect(relive.baseUrl())) {
            flood.mount(relive, "/test/echo");
            calm.mount(relive, "/test/echo");
            AtomicInteger sent = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            Thread flooder = new Thread(() -> {
                while (!stop.get() && sent.get() < 200_000) {
                    flood.event("nothing", null);
                    sent.incrementAndGet();
                }
            });
            flooder.start();
            List<Long> micros = new ArrayList<>();
            for (int i = 1; i <= 50; i++) {
                long t0 = System.nanoTime();
                JsonNode answer = calm.answer(calm.event("add", Map.of("amount", 1)));
                micros.add((System.nanoTime() - t0) / 1000);
                assertThat(answer.path("type").asText()).isEqualTo("patch");
                Thread.sleep(10);
            }
            flood.next(f -> "rate_limited".equals(f.path("code").asText()), Duration.ofSeconds(60));
            stop.set(true);
            flooder.join();
            micros.sort(null);
            System.out.printf("flood: calm client's 50 events during a flood of %d events: p50=%.2f ms max=%.2f ms%n",
                    sent.get(), micros.get(25) / 1000.0, micros.get(49) / 1000.0);
        }
    }

    @Test
    void aClientThatStopsReadingIsDisconnectedBeforeItGrowsTheHeap() throws Exception {
        int before = sessions();
        WsClient slow = WsClient.connect(relive.baseUrl(), null, true);
        slow.mount(relive, "/test/echo");
        String big = "x".repeat(30_000);
        int sent = 0;
        for (int i = 0; i < 400; i++) {
            try {
                slow.event("say", Map.of("text", big + i));
                sent++;
            } catch (RuntimeException e) {
                break; // the server dropped the connection: what this test waits for
            }
            if (i % 200 == 199) {
                Thread.sleep(1000); // stays under the rate limit, whatever it is here
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int now = sessions();
        while (now > before && System.nanoTime() < deadline) {
            Thread.sleep(200);
            now = sessions();
        }
        assertThat(now).as("the slow session was dropped (after %d events)", sent).isLessThanOrEqualTo(before);
    }

    /** Runs last, so that the other tests' time counts towards the wait for the early page's token to expire. */
    @Test
    @Order(Integer.MAX_VALUE)
    void expiredTokensAreRefused() throws Exception {
        Matcher m = Pattern.compile("rl-token=\"([^\"]+)\"").matcher(earlyPage);
        assertThat(m.find()).isTrue();
        long expired = earlyPageNanos + Duration.ofSeconds(TOKEN_TTL_SECONDS).plusMillis(1100).toNanos();
        long wait = expired - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000 + 1);
        }
        try (WsClient ws = WsClient.connect(relive.baseUrl())) {
            ws.sendRaw("{\"type\":\"mount\",\"protocol\":1,\"token\":\"" + m.group(1) + "\",\"url\":\""
                    + relive.baseUrl() + "test/echo\"}");
            JsonNode error = ws.next(f -> f.has("code"));
            assertThat(error.path("code").asText()).isEqualTo("bad_token");
            assertThat(error.path("message").asText()).contains("expired");
        }
    }

    private static int sessions() throws Exception {
        String line = relive.run("relive:stats", l -> l.startsWith("sessions="), Duration.ofSeconds(30));
        Matcher m = Pattern.compile("sessions=(\\d+)").matcher(line);
        m.find();
        return Integer.parseInt(m.group(1));
    }
}
