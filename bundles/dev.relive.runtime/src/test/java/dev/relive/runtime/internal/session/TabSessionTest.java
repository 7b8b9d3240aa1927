package dev.relive.runtime.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.runtime.internal.registry.RouteMatch;
import dev.relive.runtime.internal.registry.ViewType;
import dev.relive.runtime.spi.ReloadReason;

/** A tab's session built by hand, its tasks run on the calling thread, its frames recorded. */
class TabSessionTest {

    public static class CounterView extends LiveView {
        public int count;
        public int unmounts;

        @EventHandler
        public void increment() {
            count++;
        }

        @EventHandler
        public void breakThenThrow() {
            count = 99;
            throw new IllegalStateException("broken");
        }

        @EventHandler
        public void nothing() {
        }

        @Override
        public String template() {
            return "<p id=\"count\">{{ count }}</p>";
        }

        @Override
        public void unmount() {
            unmounts++;
        }
    }

    private final RecordedTab recorded = new RecordedTab(false);
    private final ObjectMapper json = recorded.json;
    private final List<String> sent = recorded.sent;
    private final CounterView view = new CounterView();
    private final TabSession session = recorded.tab;

    @AfterEach
    void stopTimer() {
        recorded.close();
    }

    @Test
    void aMountRendersTheRootViewAndTheMountedFrameNamesIt() {
        String html = session.mount(new RouteMatch(type(view), Map.of()), "/counter", Map.of("x", "1"));
        assertThat(html).isEqualTo("<p id=\"count\">0</p>");
        assertThat(session.params()).containsEntry("x", "1");
        assertThat(session.mountedFrame(null, html, null, 0)).isEqualTo("{\"type\":\"mounted\",\"protocol\":1,"
                + "\"session\":\"s1\",\"view\":\"" + CounterView.class.getName() + "\",\"url\":\"/counter\",\"seq\":0,"
                + "\"html\":\"<p id=\\\"count\\\">0</p>\",\"title\":\"CounterView\"}");
    }

    @Test
    void anEventThatChangesTheViewSendsAPatchAndOneThatDoesNotAnAck() throws Exception {
        session.mount(new RouteMatch(type(view), Map.of()), "/counter", Map.of());
        session.event(1, null, "increment", params("{}"));
        session.event(2, null, "nothing", params("{}"));
        assertThat(sent).containsExactly(
                "{\"type\":\"patch\",\"seq\":1,\"ref\":1,\"patches\":[{\"op\":\"text\",\"path\":[0,0],\"text\":\"1\"}]}",
                "{\"type\":\"ack\",\"ref\":2,\"seq\":1}");
    }

    @Test
    void aHandlerThatThrowsLeavesTheLastGoodStateAndAnswersAnError() throws Exception {
        session.mount(new RouteMatch(type(view), Map.of()), "/counter", Map.of());
        session.event(1, null, "increment", params("{}"));
        session.event(2, null, "breakThenThrow", params("{}"));
        assertThat(view.count).isEqualTo(1);
        assertThat(sent).hasSize(2);
        assertThat(json.readTree(sent.get(1)).path("code").asText()).isEqualTo("handler_failed");
        assertThat(json.readTree(sent.get(1)).path("ref").asLong()).isEqualTo(2);
        assertThat(json.readTree(sent.get(1)).path("message").asText())
                .doesNotContain("Exception", "broken", "breakThenThrow").startsWith("the server could not do this (incident ");
        assertThat(json.readTree(sent.get(1)).has("detail")).isFalse();
    }

    @Test
    void anUnknownChildIsAnswered() throws Exception {
        session.mount(new RouteMatch(type(view), Map.of()), "/counter", Map.of());
        session.event(3, "nope", "increment", params("{}"));
        assertThat(json.readTree(sent.get(0)).path("code").asText()).isEqualTo("unknown_child");
        assertThat(view.count).isZero();
    }

    @Test
    void aClosedSessionUnmountsItsViewsAndSendsNothingMore() {
        session.mount(new RouteMatch(type(view), Map.of()), "/counter", Map.of());
        session.close();
        session.reload(ReloadReason.of(ReloadReason.Code.VIEW_STOPPED));
        assertThat(view.unmounts).isEqualTo(1);
        assertThat(session.tree().mounted()).isFalse();
        assertThat(sent).isEmpty();
    }

    @Test
    void theSessionShowsTheServiceItsViewsCameFrom() {
        ViewType type = type(view);
        session.mount(new RouteMatch(type, Map.of()), "/counter", Map.of());
        assertThat(session.shows(type.reference())).isTrue();
        assertThat(session.shows(new Reference(CounterView.class.getName()))).isFalse();
    }

    private JsonNode params(String text) throws Exception {
        return json.readTree(text);
    }

    static ViewType type(LiveView instance) {
        Reference reference = new Reference(instance.getClass().getName());
        return new ViewType(reference, new ServiceObjects<>() {
            @Override
            public LiveView getService() {
                return instance;
            }

            @Override
            public void ungetService(LiveView service) {
            }

            @Override
            public ServiceReference<LiveView> getServiceReference() {
                return reference;
            }
        }, "/counter", instance.getClass().getName());
    }

    /** A service reference with a component name only. */
    private static final class Reference implements ServiceReference<LiveView> {
        private final Hashtable<String, Object> properties = new Hashtable<>();

        Reference(String componentName) {
            properties.put("component.name", componentName);
        }

        @Override
        public Object getProperty(String key) {
            return properties.get(key);
        }

        @Override
        public String[] getPropertyKeys() {
            return properties.keySet().toArray(String[]::new);
        }

        @Override
        public Bundle getBundle() {
            return null;
        }

        @Override
        public Bundle[] getUsingBundles() {
            return new Bundle[0];
        }

        @Override
        public boolean isAssignableTo(Bundle bundle, String className) {
            return true;
        }

        @Override
        public int compareTo(Object reference) {
            return 0;
        }

        @Override
        public Dictionary<String, Object> getProperties() {
            return new Hashtable<>(properties);
        }

        @Override
        public <A> A adapt(Class<A> type) {
            return null;
        }
    }
}
