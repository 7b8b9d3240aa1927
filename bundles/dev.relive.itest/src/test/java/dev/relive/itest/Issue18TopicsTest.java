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

import dev.relive.api.Presence;
import dev.relive.api.PresenceEntry;
import dev.relive.api.Topics;

/** Two sockets on one room: a message published by another bundle reaches both views; presence follows the tabs. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class Issue18TopicsTest {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30_000)
    ServiceAware<HttpServiceRuntime> http;

    @InjectService(timeout = 30_000)
    Topics topics;

    @InjectService(timeout = 30_000)
    Presence presence;

    Endpoint endpoint;

    @BeforeEach
    void waitForServlets() {
        Whiteboard.awaitRuntimeServlets(http.getService(), context);
        endpoint = Endpoint.of(http.getServiceReference());
    }

    @Test
    void aPublishedMessageReachesEverySubscribedTabAndPresenceFollowsTheTabs() throws Exception {
        try (SocketClient ada = mount("/test/room?room=itest&user=ada")) {
            Eventually.await("ada present", () -> names("room:itest"), n -> n.equals(List.of("ada")));
            try (SocketClient bob = mount("/test/room?room=itest&user=bob")) {
                Eventually.await("both present", () -> names("room:itest"), n -> n.equals(List.of("ada", "bob")));
                next(ada, "<li>+bob</li>");

                topics.publish("room:itest", "hello from a service");

                next(ada, "<li>hello from a service</li>");
                next(bob, "<li>hello from a service</li>");
            }
            Eventually.await("bob gone with his tab", () -> names("room:itest"), n -> n.equals(List.of("ada")));
            next(ada, "<li>-bob</li>");

            ada.send(Map.of("type", "event", "ref", 7, "handler", "leave", "params", Map.of()));
            Eventually.await("ada untracked", () -> names("room:itest"), List::isEmpty);
            topics.publish("room:itest", "nobody listens");
            JsonNode ack = ada.next("ack");
            assertThat(ack.path("ref").asLong()).isEqualTo(7);
        }
    }

    private SocketClient mount(String path) throws Exception {
        Map<String, Object> mount = Pages.mountFrame(endpoint, path);
        SocketClient socket = SocketClient.connect(endpoint.ws("/relive/socket"));
        socket.send(mount);
        socket.next("mounted");
        return socket;
    }

    private List<String> names(String topic) {
        return presence.list(topic).stream().map(PresenceEntry::meta).map(m -> m.get("name")).toList();
    }

    private static void next(SocketClient socket, String html) throws InterruptedException {
        socket.next(f -> "patch".equals(f.path("type").asText()) && f.toString().contains(html.replace("\"", "\\\"")),
                "a patch with " + html);
    }
}
