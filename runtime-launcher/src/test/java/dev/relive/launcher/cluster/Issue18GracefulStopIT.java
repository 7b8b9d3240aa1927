package dev.relive.launcher.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.relive.launcher.LauncherProcess;

/**
 * A node stopped gracefully (SIGTERM, as a rolling restart does) right after a tab's event: the stopping runtime
 * writes the tab's state and keeps its entry although the stop closes the socket, so the tab resumes with its count
 * on the other member.
 */
class Issue18GracefulStopIT {

    private static final Pattern TOKEN = Pattern.compile("rl-token=\"([^\"]+)\"");
    private static final Pattern RESUME = Pattern.compile("\"resume\":\"([A-Za-z0-9_-]+)\"");
    private static final Pattern COUNT = Pattern.compile("<p id=\\\\\"count\\\\\">(\\d+)</p>");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path root;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aTabOfANodeStoppedGracefullyResumesOnAnotherMemberWithItsCount() throws Exception {
        Path deploy = Files.createDirectories(root.resolve("deploy"));
        Path thirdParty = LauncherProcess.thirdParty();
        Files.copy(thirdParty.resolve("dev.relive.testlib.jar"), deploy.resolve("testlib.jar"));
        Files.copy(thirdParty.resolve("dev.relive.testviews.jar"), deploy.resolve("testviews.jar"));
        try (ClusterNodes cluster = ClusterNodes.start(2, root, deploy, LauncherProcess.START)) {
            LauncherProcess stopping = cluster.node(1);
            String url = stopping.baseUrl() + "test/echo";
            stopping.awaitPage("test/echo");
            String page = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher t = TOKEN.matcher(page);
            assertThat(t.find()).as("the page's token").isTrue();
            String token = t.group(1);

            Frames tab = Frames.open(http, stopping.baseUrl());
            tab.send("{\"type\":\"mount\",\"protocol\":1,\"token\":\"" + token + "\",\"url\":\"" + url + "\"}");
            Matcher k = RESUME.matcher(tab.await("\"mounted\""));
            assertThat(k.find()).as("a resume key in mounted").isTrue();
            tab.send("{\"type\":\"event\",\"ref\":1,\"handler\":\"add\",\"params\":{\"amount\":7}}");
            tab.await("\"ref\":1");

            stopping.process().destroy(); // SIGTERM: the launcher stops the framework
            assertThat(stopping.process().waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the node stopped").isTrue();

            Frames again = Frames.open(http, cluster.node(0).baseUrl());
            again.send("{\"type\":\"mount\",\"protocol\":1,\"token\":\"" + token + "\",\"url\":\"" + url
                    + "\",\"resume\":\"" + k.group(1) + "\"}");
            Matcher c = COUNT.matcher(again.await("\"mounted\""));
            assertThat(c.find()).as("the count in the resumed page").isTrue();
            assertThat(Integer.parseInt(c.group(1))).as("the resumed count; the stopped node's output:%n%s%n%s",
                    stopping.stdout(), stopping.stderr()).isEqualTo(7);
            again.socket.abort();
        }
    }

    /** A bare socket that queues every text frame. */
    private static final class Frames implements WebSocket.Listener {
        private final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Frames open(HttpClient http, String base) throws Exception {
            Frames f = new Frames();
            f.socket = http.newWebSocketBuilder().buildAsync(URI.create(base.replaceFirst("^http", "ws")
                    + "relive/socket"), f).get(30, TimeUnit.SECONDS);
            return f;
        }

        void send(String text) {
            socket.sendText(text, true).join();
        }

        String await(String contains) throws Exception {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                String frame = frames.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (frame == null) {
                    throw new AssertionError("no frame with " + contains + " within " + WAIT);
                }
                if (frame.contains(contains)) {
                    return frame;
                }
            }
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
