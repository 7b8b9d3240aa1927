package dev.relive.runtime.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.api.PresenceEntry;
import dev.relive.runtime.internal.invoke.FieldBinder;
import dev.relive.runtime.internal.invoke.HandlerInvoker;
import dev.relive.runtime.internal.protocol.ProtocolJson;
import dev.relive.runtime.internal.registry.RouteMatch;
import dev.relive.runtime.internal.registry.ViewRegistry;
import dev.relive.runtime.internal.render.TemplateRenderer;
import dev.relive.runtime.internal.session.Issue18TopicsTest.RoomView;
import dev.relive.runtime.internal.topics.LocalPresence;
import dev.relive.runtime.internal.topics.LocalTopics;

/** Topics and presence providers that come while tabs are open take over their subscriptions and entries. */
class Issue18ProvidersTest {

    private final ObjectMapper json = ProtocolJson.newMapper();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final LocalTopics first = new LocalTopics();
    private final LocalPresence firstPresence = new LocalPresence(first);
    private final Messaging messaging = new Messaging(first, firstPresence, 8);
    private final List<String> sent = new ArrayList<>();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void aNewTopicsProviderTakesTheLiveSubscriptionAndItsMessagesReachTheTab() {
        RoomView view = new RoomView();
        TabSession session = session("s1");
        mount(session, view);
        LocalTopics second = new LocalTopics();

        messaging.setTopics(second);
        second.publish("room", "through the new provider");
        first.publish("room", "through the old one");

        assertThat(view.lines).containsExactly("room:through the new provider");
        assertThat(second.subscriberCount("room")).isEqualTo(1);
        assertThat(first.subscriberCount("room")).isZero();
        assertThat(sent).anyMatch(f -> f.startsWith("{\"type\":\"patch\"") && f.contains("through the new provider"));
    }

    @Test
    void aNewPresenceProviderTakesTheEntriesWithTheirMeta() {
        TabSession session = session("s1");
        mount(session, new RoomView());
        LocalPresence second = new LocalPresence(new LocalTopics());

        messaging.setPresence(second);

        assertThat(second.list("room")).containsExactly(new PresenceEntry("s1", Map.of("name", "ada")));
        assertThat(firstPresence.list("room")).isEmpty();
    }

    @Test
    void subscriptionsMadeAfterTheSwitchGoToTheNewProviderAndEndThereWithTheTab() {
        LocalTopics second = new LocalTopics();
        messaging.setTopics(second);
        TabSession session = session("s2");
        mount(session, new RoomView());

        assertThat(second.subscriberCount("room")).isEqualTo(1);
        assertThat(first.subscriberCount("room")).isZero();
        session.close();
        assertThat(second.subscriberCount("room")).isZero();
    }

    private static void mount(TabSession session, RoomView view) {
        session.submit(() -> session.mount(new RouteMatch(TabSessionTest.type(view), Map.of()), "/room",
                Map.of("name", "ada")));
    }

    private TabSession session(String id) {
        Connection connection = new Connection() {
            @Override
            public void send(String frame) {
                sent.add(frame);
            }

            @Override
            public void close(int status, String reason) {
            }
        };
        return new TabSession(id, new BrowserChannel(connection, false), new ViewWorkerBudget(Runnable::run, 1),
                timer, new TemplateRenderer(), new ViewRegistry(null), new HandlerInvoker(json),
                new FieldBinder(json), messaging);
    }
}
