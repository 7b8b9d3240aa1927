package dev.relive.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import com.fasterxml.jackson.databind.JsonNode;

import dev.relive.runtime.spi.LiveSession;
import dev.relive.runtime.spi.LiveSessions;
import dev.relive.runtime.spi.ViewSlot;

/** A real browser-less client over the WebSocket, watched through the runtime's {@link LiveSessions} service. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class LiveSessionsTest {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30_000)
    ServiceAware<HttpServiceRuntime> http;

    @InjectService(timeout = 30_000)
    LiveSessions sessions;

    Endpoint endpoint;

    @BeforeEach
    void waitForServlets() {
        Whiteboard.awaitRuntimeServlets(http.getService(), context);
        endpoint = Endpoint.of(http.getServiceReference());
    }

    @Test
    void aMountedSocketIsOneSessionUntilItCloses() throws Exception {
        Map<String, Object> mount = Pages.mountFrame(endpoint, "/test/echo");
        // rendering the page makes no session; sockets of other tests are gone once their close is processed
        Eventually.await("no sessions before this test's socket", sessions::sessions, List::isEmpty);

        try (SocketClient socket = SocketClient.connect(endpoint.ws("/relive/socket"))) {
            socket.send(mount);
            JsonNode mounted = socket.next("mounted");
            assertThat(mounted.path("view").asText()).isEqualTo("dev.relive.testviews.EchoView");
            assertThat(mounted.path("html").asText()).contains("<h1 id=\"greeting\">hello</h1>");

            List<LiveSession> live = sessions.sessions();
            assertThat(live).hasSize(1);
            assertThat(live.get(0).id()).isEqualTo(mounted.path("session").asText());
            List<ViewSlot> slots = live.get(0).slots();
            assertThat(slots).first().satisfies(root -> {
                assertThat(root.childId()).isNull();
                assertThat(root.className()).isEqualTo("dev.relive.testviews.EchoView");
                assertThat(root.reference().getBundle().getSymbolicName()).isEqualTo("dev.relive.testviews");
            });

            socket.send(Map.of("type", "event", "ref", 1, "handler", "increment", "params", Map.of()));
            JsonNode patch = socket.next("patch");
            assertThat(patch.path("ref").asLong()).as("ref of %s", patch).isEqualTo(1);
            assertThat(patch.path("patches").isArray()).as("patches in %s", patch).isTrue();
            assertThat(patch.path("patches")).isNotEmpty();
            assertThat(patch.path("title").asText()).isEqualTo("Echo 1");
        }

        Eventually.await("no sessions after the socket closed", sessions::sessions, List::isEmpty);
    }
}
