package dev.relive.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
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
import dev.relive.runtime.cluster.SessionStateStore;

/**
 * With a cluster's state store, a tab's state is written behind its messages; when its connection drops and the
 * runtime forgets the tab, a reconnect that sends the tab's resume key gets its fields back, under the same session
 * id, subscribed and present again.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class Issue18ResumeTest {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30_000)
    ServiceAware<HttpServiceRuntime> http;

    @InjectService(timeout = 30_000)
    Topics topics;

    @InjectService(timeout = 30_000)
    Presence presence;

    Endpoint endpoint;
    TestStateStore store = new TestStateStore();
    ServiceRegistration<SessionStateStore> registration;

    @BeforeEach
    void setUp() {
        Whiteboard.awaitRuntimeServlets(http.getService(), context);
        endpoint = Endpoint.of(http.getServiceReference());
        registration = context.registerService(SessionStateStore.class, store, null);
    }

    @AfterEach
    void tearDown() {
        registration.unregister();
    }

    @Test
    void aDroppedTabThisRuntimeForgotResumesWithItsFieldsSessionSubscriptionAndPresence() throws Exception {
        Map<String, Object> mount = Pages.mountFrame(endpoint, "/test/room?room=resume&user=ada");
        SocketClient first = SocketClient.connect(endpoint.ws("/relive/socket"));
        first.send(mount);
        JsonNode mounted = first.next("mounted");
        String session = mounted.path("session").asText();
        String key = mounted.path("resume").asText();
        assertThat(key).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(session);

        topics.publish("room:resume", "typed before the drop");
        next(first, "<li>typed before the drop</li>");
        Eventually.await("the state written", () -> store.text(key), t -> t.contains("typed before the drop"));

        first.abort();
        Eventually.await("the tab forgotten", () -> names("room:resume"), List::isEmpty);
        assertThat(store.text(key)).as("a dropped connection leaves the entry").contains("typed before the drop");

        mount.put("resume", key);
        try (SocketClient second = SocketClient.connect(endpoint.ws("/relive/socket"))) {
            second.send(mount);
            JsonNode resumed = second.next("mounted");

            assertThat(resumed.path("html").asText()).contains("<li>typed before the drop</li>");
            assertThat(resumed.path("session").asText()).isEqualTo(session);
            assertThat(resumed.path("resume").asText()).isEqualTo(key);
            assertThat(presence.list("room:resume")).extracting(PresenceEntry::key).containsExactly(session);
            topics.publish("room:resume", "after the resume");
            next(second, "<li>after the resume</li>");
        }
        Eventually.await("a tab closed by its browser takes its entry along", () -> store.text(key), String::isEmpty);
    }

    @Test
    void aKeyOfAnotherPageMountsAfresh() throws Exception {
        Map<String, Object> mount = Pages.mountFrame(endpoint, "/test/room?room=resume-a&user=ada");
        String key;
        try (SocketClient first = SocketClient.connect(endpoint.ws("/relive/socket"))) {
            first.send(mount);
            key = first.next("mounted").path("resume").asText();
            topics.publish("room:resume-a", "only for room a");
            next(first, "<li>only for room a</li>");
            Eventually.await("the state written", () -> store.text(key), t -> t.contains("only for room a"));
            first.abort();
        }
        Map<String, Object> other = Pages.mountFrame(endpoint, "/test/room?room=resume-b&user=ada");
        other.put("resume", key);
        try (SocketClient second = SocketClient.connect(endpoint.ws("/relive/socket"))) {
            second.send(other);
            JsonNode mounted = second.next("mounted");

            assertThat(mounted.path("html").asText()).doesNotContain("only for room a");
            assertThat(mounted.path("resume").asText()).isNotEqualTo(key);
        }
    }

    private List<String> names(String topic) {
        return presence.list(topic).stream().map(PresenceEntry::meta).map(m -> m.get("name")).toList();
    }

    private static void next(SocketClient socket, String html) throws InterruptedException {
        socket.next(f -> "patch".equals(f.path("type").asText()) && f.toString().contains(html.replace("\"", "\\\"")),
                "a patch with " + html);
    }
}
