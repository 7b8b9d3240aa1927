package dev.relive.runtime.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.runtime.internal.auth.BrowserSessions;
import dev.relive.runtime.internal.auth.MemorySessionStore;
import dev.relive.runtime.internal.auth.SessionTabs;
import dev.relive.runtime.internal.invoke.FieldBinder;
import dev.relive.runtime.internal.invoke.HandlerInvoker;
import dev.relive.runtime.internal.protocol.ClientFrameParser;
import dev.relive.runtime.internal.protocol.ProtocolJson;
import dev.relive.runtime.internal.registry.ViewRegistry;
import dev.relive.runtime.internal.registry.ViewType;
import dev.relive.runtime.internal.render.TemplateRenderer;
import dev.relive.runtime.internal.token.PageTokens;
import dev.relive.runtime.internal.token.TokenSigner;

/** A connection's frames through a dispatcher built by hand, with no views registered; tasks run inline. */
class FrameDispatcherTest {

    private final ObjectMapper json = ProtocolJson.newMapper();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<String> sent = new ArrayList<>();
    private final Connection connection = new Connection() {
        @Override
        public void send(String frame) {
            synchronized (sent) { // a render answered late comes from the timer's thread
                sent.add(frame);
            }
        }

        @Override
        public void close(int status, String reason) {
            sent.add("close " + status);
        }
    };
    private final ViewRegistry registry = new ViewRegistry(null);
    private final TabSession session = new TabSession("s", new BrowserChannel(connection, false),
            new ViewWorkerBudget(Runnable::run, 1), timer,
            new TemplateRenderer(), registry, new HandlerInvoker(json), new FieldBinder(json));
    private final PageTokens tokens = new PageTokens(new TokenSigner(new byte[32], Clock.systemUTC()), 60);
    private boolean closed;
    private final FrameDispatcher dispatcher = new FrameDispatcher(session, connection,
            new ClientFrameParser(json, 4096), registry, tokens, 1000, timer, () -> { }, () -> closed = true);

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void aClientOfAnotherProtocolVersionIsToldAndDisconnected() throws Exception {
        dispatcher.onText("{\"type\":\"mount\",\"protocol\":9,\"token\":\"t\",\"url\":\"/\"}");
        assertThat(code(0)).isEqualTo("protocol_mismatch");
        assertThat(sent.get(1)).isEqualTo("close 1002");
    }

    @Test
    void tokensMustBeGenuineAndForTheUrlAndItsView() throws Exception {
        String token = tokens.sign(new ViewType(null, null, "/a", "x.AView"), "/a",
                Map.of());
        dispatcher.onText(mount("forged", "/a"));
        dispatcher.onText(mount(token, "http://localhost/b"));
        dispatcher.onText(mount(token, "http://localhost/a?q=1"));
        assertThat(sent).hasSize(3);
        assertThat(code(0)).isEqualTo("bad_token");
        assertThat(message(1)).isEqualTo("the token was issued for /a, not /b");
        assertThat(message(2)).isEqualTo("no view x.AView at /a");
    }

    @Test
    void aTokenBoundToABrowserSessionMountsOnlyWithThatSessionsCookie() throws Exception {
        BrowserSessions browserSessions = new BrowserSessions(new MemorySessionStore(60_000, 10, Clock.systemUTC()),
                new SessionTabs());
        String bound = tokens.sign(new ViewType(null, null, "/a", "x.AView"), "/a", Map.of(),
                BrowserSessions.binding("session-of-a"));
        for (String cookie : new String[] {null, "session-of-b"}) {
            sent.clear();
            FrameDispatcher other = new FrameDispatcher(session, connection, new ClientFrameParser(json, 4096),
                    registry, tokens, 1000, dev.relive.runtime.internal.upload.UploadSettings.defaults(), timer, () -> { },
                    () -> { }, browserSessions.socketVisitor(cookie));
            other.onText(mount(bound, "http://localhost/a"));
            assertThat(sent).as("cookie %s", cookie).hasSize(1);
            assertThat(code(0)).isEqualTo("bad_token");
            assertThat(message(0)).contains("session");
        }
        sent.clear();
        FrameDispatcher own = new FrameDispatcher(session, connection, new ClientFrameParser(json, 4096), registry,
                tokens, 1000, dev.relive.runtime.internal.upload.UploadSettings.defaults(), timer, () -> { }, () -> { },
                browserSessions.socketVisitor("session-of-a"));
        own.onText(mount(bound, "http://localhost/a"));
        assertThat(message(0)).as("past the session check, to the view lookup").isEqualTo("no view x.AView at /a");
    }

    @Test
    void eventsBeforeAMountAreRefusedWithTheirRef() throws Exception {
        dispatcher.onText("{\"type\":\"event\",\"ref\":3,\"handler\":\"increment\"}");
        dispatcher.onText("{\"type\":\"render\",\"ref\":4}");
        dispatcher.onText("{\"type\":\"url\",\"ref\":5,\"url\":\"/a?x=1\",\"history\":\"push\"}");
        assertThat(code(0)).isEqualTo("not_mounted");
        assertThat(frame(0).path("ref").asLong()).isEqualTo(3);
        assertThat(frame(1).path("ref").asLong()).isEqualTo(4);
        assertThat(code(2)).isEqualTo("not_mounted");
        assertThat(frame(2).path("ref").asLong()).isEqualTo(5);
    }

    @Test
    void malformedFramesAreAnsweredAndTheSessionLivesOn() throws Exception {
        dispatcher.onText("{\"type\":\"dance\",\"ref\":1}");
        dispatcher.onText("{\"type\":\"ping\",\"ref\":2}");
        assertThat(code(0)).isEqualTo("unknown_type");
        assertThat(sent.get(1)).isEqualTo("{\"type\":\"pong\",\"ref\":2}");
    }

    @Test
    void everyFrameTypeCountsAgainstTheRateAndRefusalsAreAnsweredOnceASecondAtMost() throws Exception {
        long started = System.nanoTime();
        FrameDispatcher limited = new FrameDispatcher(session, connection, new ClientFrameParser(json, 4096), registry,
                tokens, 6, timer, () -> { }, () -> { });
        String[] frames = {"{\"type\":\"ping\",\"ref\":1}", "{\"type\":\"render\"}", "not json",
            "{\"type\":\"dance\"}", mount("forged", "/a"),
            "{\"type\":\"url\",\"ref\":3,\"url\":\"/a?x=1\",\"history\":\"push\"}"};
        for (String frame : frames) {
            limited.onText(frame);
        }
        assertThat(sent).as("the first second's worth of frames, each answered").hasSize(6).noneMatch(this::rateLimited);
        for (int i = 0; i < 100; i++) {
            limited.onText(frames[i % frames.length]);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<String> after;
        synchronized (sent) {
            after = List.copyOf(sent.subList(frames.length, sent.size()));
        }
        // the bucket refills and the notice may repeat while the frames go in, however long a loaded machine takes:
        // with no time elapsed, that is no frame passing and one notice
        long notices = after.stream().filter(this::rateLimited).count();
        assertThat(notices).isBetween(1L, 1 + (long) seconds);
        assertThat(after.size() - notices).as("frames answered past the limit").isLessThanOrEqualTo(
                (long) Math.ceil(seconds * 6));
    }

    private boolean rateLimited(String frame) {
        try {
            return "rate_limited".equals(json.readTree(frame).path("code").asText());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theEndOfTheConnectionEndsTheSession() {
        dispatcher.closed();
        assertThat(closed).isTrue();
    }

    private static String mount(String token, String url) {
        return "{\"type\":\"mount\",\"protocol\":1,\"token\":\"" + token + "\",\"url\":\"" + url + "\"}";
    }

    private JsonNode frame(int i) throws Exception {
        return json.readTree(sent.get(i));
    }

    private String code(int i) throws Exception {
        return frame(i).path("code").asText();
    }

    private String message(int i) throws Exception {
        return frame(i).path("message").asText();
    }
}
