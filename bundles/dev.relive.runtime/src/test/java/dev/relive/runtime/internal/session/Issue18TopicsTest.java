package dev.relive.runtime.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.api.LiveView;
import dev.relive.api.PresenceDiff;
import dev.relive.api.PresenceEntry;
import dev.relive.api.ViewSession;
import dev.relive.runtime.internal.invoke.FieldBinder;
import dev.relive.runtime.internal.invoke.HandlerInvoker;
import dev.relive.runtime.internal.protocol.ProtocolJson;
import dev.relive.runtime.internal.registry.RouteMatch;
import dev.relive.runtime.internal.registry.ViewRegistry;
import dev.relive.runtime.internal.render.TemplateRenderer;
import dev.relive.runtime.internal.topics.LocalPresence;
import dev.relive.runtime.internal.topics.LocalTopics;

/** A tab's views subscribe to topics and track presence; messages arrive on the session's executor, then a patch. */
class Issue18TopicsTest {

    public static class RoomView extends LiveView {
        public List<String> lines = new ArrayList<>();
        public List<String> present = new ArrayList<>();
        public String topic = "room";

        @Override
        public void mount(Map<String, String> params, ViewSession session) {
            session.subscribe(topic);
            session.track(topic, Map.of("name", params.getOrDefault("name", "?")));
        }

        @Override
        public void message(String topic, Object message) {
            lines.add(topic + ":" + message);
        }

        @Override
        public void presenceChanged(String topic, PresenceDiff diff) {
            diff.joins().forEach(e -> present.add("+" + e.meta().get("name")));
            diff.leaves().forEach(e -> present.add("-" + e.meta().get("name")));
        }

        @Override
        public String template() {
            return "<ul>{% for l in lines %}<li>{{ l }}</li>{% endfor %}</ul>";
        }
    }

    private final ObjectMapper json = ProtocolJson.newMapper();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final LocalTopics topics = new LocalTopics();
    private final LocalPresence presence = new LocalPresence(topics);
    private final List<String> sent = new ArrayList<>();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void aPublishedMessageRunsTheViewsCallbackThenSendsAPatch() {
        RoomView view = new RoomView();
        TabSession session = session("s1", true, 8);
        mount(session, view, Map.of("name", "ada"));

        topics.publish("room", "hello");
        topics.publish("elsewhere", "not for it");

        assertThat(view.lines).containsExactly("room:hello");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).startsWith("{\"type\":\"patch\"").contains("room:hello");
    }

    @Test
    void presenceListsTheTabAndItsEntryAndSubscriptionEndWhenTheTabCloses() {
        RoomView view = new RoomView();
        TabSession session = session("s1", true, 8);
        mount(session, view, Map.of("name", "ada"));
        RoomView other = new RoomView();
        TabSession otherSession = session("s2", true, 8);
        mount(otherSession, other, Map.of("name", "bob"));

        assertThat(presence.list("room")).containsExactly(new PresenceEntry("s1", Map.of("name", "ada")),
                new PresenceEntry("s2", Map.of("name", "bob")));
        assertThat(view.present).containsExactly("+ada", "+bob");

        otherSession.close();

        assertThat(presence.list("room")).containsExactly(new PresenceEntry("s1", Map.of("name", "ada")));
        assertThat(view.present).containsExactly("+ada", "+bob", "-bob");
        assertThat(topics.subscriberCount("room")).isEqualTo(1);
        topics.publish("room", "after");
        assertThat(other.lines).isEmpty();
    }

    @Test
    void theSubscriptionStaysWithThePlaceOnThePageWhenTheInstanceIsReplaced() {
        RoomView old = new RoomView();
        TabSession session = session("s1", true, 8);
        mount(session, old, Map.of());
        RoomView replacement = new RoomView();
        session.tree().slot(null).view = replacement;

        topics.publish("room", "to the new one");

        assertThat(old.lines).isEmpty();
        assertThat(replacement.lines).containsExactly("room:to the new one");
    }

    @Test
    void aRenderWithoutABrowserSubscribesToNothing() {
        TabSession session = new TabSession("ssr", new BrowserChannel(null, false), new ViewWorkerBudget(Runnable::run, 1),
                timer, new TemplateRenderer(), new ViewRegistry(null), new HandlerInvoker(json), new FieldBinder(json),
                new Messaging(topics, presence, 8));
        mount(session, new RoomView(), Map.of());

        assertThat(topics.subscriberCount("room")).isZero();
        assertThat(presence.list("room")).isEmpty();
    }

    @Test
    void aTabHoldsNoMoreSubscriptionsAndEntriesThanItsCap() {
        RoomView view = new RoomView();
        TabSession session = session("s1", true, 3);
        mount(session, view, Map.of());
        ViewSession viewSession = session.tree().slot(null).session;
        viewSession.subscribe("a");
        viewSession.subscribe("a");

        assertThatThrownBy(() -> viewSession.subscribe("b")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("max_topics_per_session");
        viewSession.unsubscribe("a");
        viewSession.subscribe("b");
        assertThat(topics.subscriberCount("b")).isEqualTo(1);
    }

    /** Mounts as the socket does: as a task of the session, so what the mount queues runs after it. */
    private static void mount(TabSession session, LiveView view, Map<String, String> params) {
        session.submit(() -> session.mount(new RouteMatch(TabSessionTest.type(view), Map.of()), "/room", params));
    }

    private TabSession session(String id, boolean connected, int cap) {
        Connection connection = new Connection() {
            @Override
            public void send(String frame) {
                sent.add(frame);
            }

            @Override
            public void close(int status, String reason) {
            }
        };
        return new TabSession(id, new BrowserChannel(connected ? connection : null, false),
                new ViewWorkerBudget(Runnable::run, 1), timer, new TemplateRenderer(), new ViewRegistry(null),
                new HandlerInvoker(json), new FieldBinder(json), new Messaging(topics, presence, cap));
    }
}
