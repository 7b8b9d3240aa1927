package dev.relive.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Hashtable;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.relive.api.Topics;

/** A topics provider of higher ranking registered while a tab is subscribed takes the subscription over, live. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class Issue18ProvidersTest {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30_000)
    ServiceAware<HttpServiceRuntime> http;

    @InjectService(timeout = 30_000)
    Topics runtimeTopics;

    Endpoint endpoint;

    @BeforeEach
    void waitForServlets() {
        Whiteboard.awaitRuntimeServlets(http.getService(), context);
        endpoint = Endpoint.of(http.getServiceReference());
    }

    @Test
    void aHigherRankedTopicsProviderGetsTheOpenTabsSubscriptionAndItsMessagesReachTheTab() throws Exception {
        try (SocketClient ada = mount("/test/room?room=providers&user=ada")) {
            TestTopics cluster = new TestTopics();
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(Constants.SERVICE_RANKING, 1000);
            ServiceRegistration<Topics> registration = context.registerService(Topics.class, cluster, props);
            try {
                Eventually.await("the subscription moved", () -> cluster.subscribers("room:providers"),
                        n -> n == 1);

                cluster.publish("room:providers", "through the new provider");

                next(ada, "<li>through the new provider</li>");
            } finally {
                registration.unregister();
            }
            assertThat(cluster.subscribers("room:providers")).isZero();
            runtimeTopics.publish("room:providers", "back on the runtime topics");
            next(ada, "<li>back on the runtime topics</li>");
        }
    }

    private SocketClient mount(String path) throws Exception {
        Map<String, Object> mount = Pages.mountFrame(endpoint, path);
        SocketClient socket = SocketClient.connect(endpoint.ws("/relive/socket"));
        socket.send(mount);
        socket.next("mounted");
        return socket;
    }

    private static void next(SocketClient socket, String html) throws InterruptedException {
        socket.next(f -> "patch".equals(f.path("type").asText()) && f.toString().contains(html.replace("\"", "\\\"")),
                "a patch with " + html);
    }
}
