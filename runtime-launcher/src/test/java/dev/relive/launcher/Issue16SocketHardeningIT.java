package dev.relive.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Hostile sockets against the real launcher (production run, test views deployed): cheap frames that ask for
 * expensive answers.
 */
class Issue16SocketHardeningIT {

    static final int PER_ADDRESS = 24;
    /**
     * How long each nap of {@code /test/slow} sleeps (its most): longer than an event takes on a loaded machine (3.4 s
     * was seen with a load of 34 on 2 cores).
     */
    static final int NAP_MILLIS = 10_000;
    static LauncherProcess relive;
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("relive-socket-hardening");
        Files.createDirectories(dir.resolve("deploy"));
        Path thirdParty = LauncherProcess.thirdParty();
        Files.copy(thirdParty.resolve("dev.relive.testlib.jar"), dir.resolve("deploy/testlib.jar"));
        Files.copy(thirdParty.resolve("dev.relive.testviews.jar"), dir.resolve("deploy/testviews.jar"));
        Files.writeString(dir.resolve("deploy/dev.relive.runtime.cfg"), "max_sessions_per_address=" + PER_ADDRESS + "\n");
        relive = LauncherProcess.start(dir);
        long deadline = System.nanoTime() + LauncherProcess.PAGE.toNanos();
        // up, and still up a second later (the deploy folder may refresh the test bundles once at start)
        long upSince = 0;
        while (upSince == 0 || System.nanoTime() - upSince < 1_000_000_000L) {
            boolean up = relive.get("/test/list").statusCode() == 200;
            upSince = up ? (upSince == 0 ? System.nanoTime() : upSince) : 0;
            if (System.nanoTime() > deadline) {
                throw new AssertionError("/test/list never came up:\n" + relive.stdout() + "\n" + relive.stderr());
            }
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            assertThat(relive.process().isAlive()).isTrue();
        } finally {
            relive.close();
            TestFolders.deleteTree(dir);
        }
    }

    @Test
    void renderFloodsAreLimitedAndMerged() throws Exception {
        int sockets = 4;
        int frames = 2000;
        String render = "{\"type\":\"render\"}";
        List<WsClient> clients = new ArrayList<>();
        List<Long> afterMount = new ArrayList<>();
        try {
            for (int i = 0; i < sockets; i++) {
                WsClient ws = WsClient.connect(relive.baseUrl());
                ws.mount(relive, "/test/list");
                clients.add(ws);
                afterMount.add(ws.receivedChars());
            }
            List<Thread> senders = new ArrayList<>();
            for (WsClient ws : clients) {
                Thread t = new Thread(() -> {
                    for (int i = 0; i < frames; i++) {
                        ws.sendRaw(render);
                    }
                });
                t.start();
                senders.add(t);
            }
            for (Thread t : senders) {
                t.join();
            }
            long out = 0;
            for (int i = 0; i < sockets; i++) {
                WsClient ws = clients.get(i);
                awaitPong(ws);
                out += ws.receivedChars() - afterMount.get(i);
                assertThat(ws.seen()).anyMatch(f -> "render".equals(f.path("type").asText()));
            }
            long in = (long) sockets * frames * render.length();
            double ratio = (double) out / in;
            System.out.printf("render flood: %d sockets x %d render frames on /test/list: %d bytes in, %d bytes out,"
                    + " out/in = %.2f%n", sockets, frames, in, out, ratio);
            assertThat(ratio).as("bytes out per byte in").isLessThan(20);
        } finally {
            clients.forEach(WsClient::close);
        }
    }

    /**
     * Pings until a pong comes: every frame sent before that ping has been handled. A ping that reaches the server
     * while the rate limit is still spent on the flood is dropped, so each one gets a second before the next.
     */
    private static void awaitPong(WsClient ws) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        java.util.Set<Long> sent = new java.util.HashSet<>();
        while (true) {
            long ref = ws.nextRef();
            sent.add(ref);
            ws.sendRaw("{\"type\":\"ping\",\"ref\":" + ref + "}");
            JsonNode f;
            while ((f = ws.poll(Duration.ofSeconds(1))) != null) {
                if ("pong".equals(f.path("type").asText()) && sent.contains(f.path("ref").asLong())) {
                    return;
                }
            }
            assertThat(System.nanoTime()).as("a pong within 120 s").isLessThan(deadline);
        }
    }

    /** Before: 5,000 sockets from one address all mounted. */
    @Test
    void oneAddressGetsAtMostItsShareOfConnections() throws Exception {
        List<WsClient> clients = new ArrayList<>();
        Throwable refused = null;
        try {
            for (int i = 0; i < PER_ADDRESS + 5 && refused == null; i++) {
                try {
                    clients.add(WsClient.connect(relive.baseUrl()));
                } catch (Exception e) {
                    refused = e;
                }
            }
            assertThat(refused).as("a connection over the cap is refused").isNotNull();
            assertThat(refused).hasStackTraceContaining("429");
            assertThat(clients.size()).isLessThanOrEqualTo(PER_ADDRESS);
            String line = relive.waitForLog(l -> l.contains("WebSocket refused from"), Duration.ofSeconds(30));
            assertThat(line).contains("max_sessions_per_address");
        } finally {
            clients.forEach(WsClient::close);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (WsClient again = WsClient.connect(relive.baseUrl())) {
                again.mount(relive, "/test/echo");
                break;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("closed connections give their places back", e);
                }
                Thread.sleep(200);
            }
        }
    }

    /**
     * Before: 16 sockets on a view that sleeps took all 8 shared workers, and an unrelated session's event waited
     * until naps ended. Now the sleeping view gets at most its share of the workers and the other view answers at
     * once: before the first nap has ended (an order of arrivals, however slow the machine runs the rest).
     */
    @Test
    void aSlowViewDoesNotDelayAnotherViewsEvents() throws Exception {
        List<WsClient> slow = new ArrayList<>();
        try (WsClient other = WsClient.connect(relive.baseUrl())) {
            other.mount(relive, "/test/echo");
            for (int i = 0; i < 16; i++) {
                WsClient ws = WsClient.connect(relive.baseUrl());
                slow.add(ws);
                ws.mount(relive, "/test/slow");
            }
            List<Long> naps = new ArrayList<>();
            for (WsClient ws : slow) {
                naps.add(ws.event("nap", java.util.Map.of("millis", NAP_MILLIS)));
            }
            Thread.sleep(500); // the naps take their workers
            long t0 = System.nanoTime();
            JsonNode answer = other.answer(other.event("add", java.util.Map.of("amount", 1)));
            long answered = other.receivedNanos(answer);
            System.out.printf("slow view: an unrelated event answered in %.3f s while 16 sessions sleep %d s%n",
                    (answered - t0) / 1e9, NAP_MILLIS / 1000);
            assertThat(answer.path("type").asText()).isEqualTo("patch");
            // the first nap to end is one of the first round's; the sockets close after it, with the rest queued
            long firstNapEnded = Long.MAX_VALUE;
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (firstNapEnded == Long.MAX_VALUE && System.nanoTime() < deadline) {
                firstNapEnded = firstNapAnswer(slow, naps, Duration.ofMillis(10));
            }
            assertThat(firstNapEnded).as("a nap ended within 180 s").isNotEqualTo(Long.MAX_VALUE);
            // any nap that ended before the one found has arrived by now
            firstNapEnded = Math.min(firstNapEnded, firstNapAnswer(slow, naps, Duration.ZERO));
            assertThat(answered).as("the unrelated event is answered before any nap has ended")
                    .isLessThan(firstNapEnded);
        } finally {
            slow.forEach(WsClient::close);
        }
    }

    /**
     * When the earliest of the naps' answers that arrive while each socket is polled for {@code wait} arrived;
     * {@link Long#MAX_VALUE} if none did.
     */
    private static long firstNapAnswer(List<WsClient> slow, List<Long> naps, Duration wait)
            throws InterruptedException {
        long first = Long.MAX_VALUE;
        for (int i = 0; i < slow.size(); i++) {
            for (JsonNode f = slow.get(i).poll(wait); f != null; f = slow.get(i).poll(Duration.ZERO)) {
                if (f.path("ref").asLong(-1) == naps.get(i)) {
                    first = Math.min(first, slow.get(i).receivedNanos(f));
                }
            }
        }
        return first;
    }

    /** Before: a view's redirect to {@code javascript:...} reached the browser, which ran it. */
    @Test
    void redirectsAndNavigationsToScriptUrlsAreRefused() throws Exception {
        try (WsClient ws = WsClient.connect(relive.baseUrl())) {
            ws.mount(relive, "/test/echo");
            for (String url : new String[] {"javascript:alert(document.cookie)", " JavaScript:alert(1)",
                "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)"}) {
                JsonNode redirect = ws.answer(ws.event("leave", java.util.Map.of("to", url)));
                assertThat(redirect.path("code").asText()).as("redirect to %s", url).isEqualTo("handler_failed");
                JsonNode navigate = ws.answer(ws.event("go", java.util.Map.of("to", url)));
                assertThat(navigate.path("code").asText()).as("navigate to %s", url).isEqualTo("handler_failed");
                JsonNode asked = ws.answer(ws.send(WsClient.JSON.createObjectNode().put("type", "navigate")
                        .put("url", url)));
                assertThat(asked.path("code").asText()).as("client navigate to %s", url).isEqualTo("bad_frame");
            }
            assertThat(ws.seen()).noneMatch(f -> "redirect".equals(f.path("type").asText())
                    || "navigate".equals(f.path("type").asText()));
            ws.event("leave", java.util.Map.of("to", "/test/list"));
            JsonNode redirect = ws.next(f -> "redirect".equals(f.path("type").asText()));
            assertThat(redirect.path("url").asText()).isEqualTo("/test/list");
        }
    }

    /** Before: production error frames carried the exception's class and message. */
    @Test
    void productionErrorFramesAreGenericAndTheLogHasTheDetails() throws Exception {
        try (WsClient ws = WsClient.connect(relive.baseUrl())) {
            ws.mount(relive, "/test/echo");
            JsonNode error = ws.answer(ws.event("explode", null));
            assertThat(error.path("code").asText()).isEqualTo("handler_failed");
            assertThat(error.toString()).doesNotContain("boom", "IllegalStateException", "dev.relive", "detail");
            String incident = error.path("message").asText().replaceAll(".*incident (\\d+).*", "$1");
            String line = relive.waitForLog(l -> l.contains("incident " + incident + " "), Duration.ofSeconds(30));
            if (!line.contains("boom")) {
                // the details may follow on the next lines (a stack trace), read in their own time
                relive.waitForLog(l -> l.contains("boom"), Duration.ofSeconds(30));
            }
        }
    }

    @Test
    void theRuntimeRefusesConnectionsBeyondMaxSessions() throws Exception {
        Path own = Files.createTempDirectory("relive-max-sessions");
        Files.createDirectories(own.resolve("deploy"));
        Files.writeString(own.resolve("deploy/dev.relive.runtime.cfg"), "max_sessions=3\n");
        List<WsClient> clients = new ArrayList<>();
        try (LauncherProcess small = LauncherProcess.start(own)) {
            for (int i = 0; i < 3; i++) {
                clients.add(WsClient.connect(small.baseUrl()));
            }
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> WsClient.connect(small.baseUrl())))
                    .hasStackTraceContaining("503");
            assertThat(small.waitForLog(l -> l.contains("WebSocket refused from"), Duration.ofSeconds(30)))
                    .contains("max_sessions)");
        } finally {
            clients.forEach(WsClient::close);
            TestFolders.deleteTree(own);
        }
    }
}
