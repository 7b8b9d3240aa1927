package dev.relive.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import com.fasterxml.jackson.databind.JsonNode;

import dev.relive.api.LiveView;
import dev.relive.runtime.spi.LiveSession;
import dev.relive.runtime.spi.LiveSessions;
import dev.relive.runtime.spi.SwapOutcome;
import dev.relive.runtime.spi.ViewSwap;
import dev.relive.runtime.spi.ViewSwapper;

/**
 * A swap of a bundle's sessions (as Hot View Replacement makes one around {@code Bundle.update}) is the only one:
 * the live upgrade, which carries sessions across updates made outside HVR, leaves them alone even when the first of
 * the bundle's views to go away is one no session shows. An event sent while the session is held runs once, on the
 * instance the swap installed, and that instance stays.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class Issue13SwapOnceTest {

    private static final String ECHO = "dev.relive.testviews.EchoView";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30_000)
    ServiceAware<HttpServiceRuntime> http;

    @InjectService(timeout = 30_000)
    LiveSessions sessions;

    @InjectService(timeout = 30_000)
    ViewSwapper swapper;

    Endpoint endpoint;

    @BeforeEach
    void waitForServlets() {
        Whiteboard.awaitRuntimeServlets(http.getService(), context);
        endpoint = Endpoint.of(http.getServiceReference());
    }

    @Test
    void aHeldEventRunsOnceOnTheInstanceTheSwapInstalled() throws Exception {
        Bundle views = Framework.bundle(context, "dev.relive.testviews");
        Map<String, Object> mount = Pages.mountFrame(endpoint, "/test/echo");
        try (SocketClient socket = SocketClient.connect(endpoint.ws("/relive/socket"))) {
            socket.send(mount);
            String id = socket.next("mounted").path("session").asText();
            socket.send(Map.of("type", "event", "ref", 1, "handler", "add", "params", Map.of("amount", 1)));
            assertThat(socket.next("patch").path("title").asText()).isEqualTo("Echo 1");
            LiveSession session = Eventually.await("session " + id, () -> Framework.session(sessions, id), s -> s != null);
            LiveView before = session.slots().get(0).view();

            AtomicReference<LiveView> installed = new AtomicReference<>();
            List<SwapOutcome> outcomes;
            try (ViewSwap swap = swapper.hold(List.of(views))) {
                socket.send(Map.of("type", "event", "ref", 2, "handler", "add", "params", Map.of("amount", 5)));
                Eventually.await("the event queued behind the hold", session::waitingSince, w -> w.isPresent());
                views.update();
                outcomes = swap.restore(Set.of(ECHO), outcome -> {
                    installed.set(outcome.session().slots().get(0).view());
                    outcome.session().rerender(null);
                });
            }

            assertThat(outcomes).filteredOn(o -> o.session().id().equals(id))
                    .singleElement().satisfies(o -> assertThat(o.swapped()).isTrue());
            JsonNode answer = socket.next(f -> f.path("ref").asLong() == 2, "the answer to the held event");
            assertThat(answer.path("title").asText()).isEqualTo("Echo 6");
            socket.send(Map.of("type", "event", "ref", 3, "handler", "add", "params", Map.of("amount", 10)));
            JsonNode next = socket.next(f -> f.path("ref").asLong() == 3, "the answer to the next event");
            assertThat(next.path("title").asText()).isEqualTo("Echo 16");

            LiveView now = Framework.session(sessions, id).slots().get(0).view();
            assertThat(installed.get()).isNotNull().isNotSameAs(before);
            assertThat(now).as("the view instance after the swap and two events").isSameAs(installed.get());
            assertThat(now.getClass().getClassLoader()).isNotSameAs(before.getClass().getClassLoader());
        }
        Eventually.await("no sessions after the socket closed", sessions::sessions, List::isEmpty);
    }
}
