package dev.relive.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

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

import dev.relive.api.LiveView;
import dev.relive.runtime.spi.LiveSession;
import dev.relive.runtime.spi.LiveSessions;
import dev.relive.runtime.spi.ViewSwap;
import dev.relive.runtime.spi.ViewSwapper;

/**
 * A thread a view started before a Hot View Replacement save keeps the old instance and calls {@code session.push}
 * with the old code. Its changes reach the page (they were made on an instance no page shows, and lost), and it
 * works on the page's state as it is now, so what the user did since the save is kept.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class Issue13RetiredViewPushTest {

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
    void issue13APushFromAThreadTheOldInstanceStartedChangesThePageWithItsCurrentState() throws Exception {
        Bundle views = Framework.bundle(context, "dev.relive.testviews");
        Map<String, Object> mount = Pages.mountFrame(endpoint, "/test/echo");
        try (SocketClient socket = SocketClient.connect(endpoint.ws("/relive/socket"))) {
            socket.send(mount);
            String id = socket.next("mounted").path("session").asText();
            socket.send(Map.of("type", "event", "ref", 1, "handler", "add", "params", Map.of("amount", 1)));
            assertThat(socket.next("patch").path("title").asText()).isEqualTo("Echo 1");
            LiveSession session = Eventually.await("session " + id, () -> Framework.session(sessions, id),
                    s -> s != null);
            LiveView before = session.slots().get(0).view();

            // the handler starts a thread that pushes 50 ms later: before or during the swap below
            socket.send(Map.of("type", "event", "ref", 2, "handler", "later", "params", Map.of("amount", 100)));
            socket.next(f -> f.path("ref").asLong() == 2, "the answer to later");
            try (ViewSwap swap = swapper.hold(List.of(views))) {
                views.update();
                swap.restore(Set.of(ECHO), outcome -> outcome.session().rerender(null));
            }
            socket.next(f -> "Echo 101".equals(f.path("title").asText()), "the page with the thread's push");
            LiveView installed = Framework.session(sessions, id).slots().get(0).view();
            assertThat(installed).isNotSameAs(before);

            socket.send(Map.of("type", "event", "ref", 3, "handler", "add", "params", Map.of("amount", 5)));
            assertThat(socket.next(f -> f.path("ref").asLong() == 3, "the answer to add").path("title").asText())
                    .isEqualTo("Echo 106");

            // the old instance's code, as its thread would run it now: it pushes count += 1000 onto the page's 106
            before.getClass().getMethod("pushLater", int.class).invoke(before, 1000);
            socket.next(f -> "Echo 1106".equals(f.path("title").asText()),
                    "the page with the old code's push added to what the user did since the save");
            assertThat(Framework.session(sessions, id).slots().get(0).view()).isSameAs(installed);
        }
        Eventually.await("no sessions after the socket closed", sessions::sessions, List::isEmpty);
    }
}
