package dev.relive.runtime.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.ViewSession;

/** Events pushed to the page's hooks and focus requests reach the browser after the patch of their change. */
class Issue17PushTest {

    public record Point(int t, List<Integer> values) {
    }

    public static class ChartView extends LiveView {
        public int count;
        ViewSession session;

        @Override
        public void mount(Map<String, String> params, ViewSession session) {
            this.session = session;
        }

        @EventHandler
        public void sample() {
            count++;
            List<Integer> values = new ArrayList<>(List.of(3, 5));
            session.pushEvent("points", new Point(count, values));
            values.add(8);
            session.focus("#count");
        }

        @Override
        public String template() {
            return "<p id=\"count\">{{ count }}</p><div rl-hook=\"Chart\" rl-ignore></div>";
        }
    }

    private final RecordedTab recorded = new RecordedTab(false);
    private final ObjectMapper json = recorded.json;
    private final List<String> sent = recorded.sent;
    private final ChartView view = new ChartView();
    private final TabSession session = recorded.tab;

    @AfterEach
    void stopTimer() {
        recorded.close();
    }

    @Test
    void aPushAndAFocusFromAHandlerFollowItsPatchWithThePayloadAsItWasWhenPushed() throws Exception {
        session.mount(new dev.relive.runtime.internal.registry.RouteMatch(TabSessionTest.type(view), java.util.Map.of()), "/chart", Map.of());
        JsonNode noParams = json.readTree("{}");
        session.submit(() -> session.event(1, null, "sample", noParams));
        assertThat(sent).containsExactly(
                "{\"type\":\"patch\",\"seq\":1,\"ref\":1,\"patches\":[{\"op\":\"text\",\"path\":[0,0],\"text\":\"1\"}]}",
                "{\"type\":\"push\",\"event\":\"points\",\"payload\":{\"t\":1,\"values\":[3,5]}}",
                "{\"type\":\"focus\",\"selector\":\"#count\"}");
    }

    @Test
    void badNamesSelectorsAndPayloadsAreRefusedAtTheCall() {
        session.mount(new dev.relive.runtime.internal.registry.RouteMatch(TabSessionTest.type(view), java.util.Map.of()), "/chart", Map.of());
        ViewSession viewSession = view.session;
        assertThatThrownBy(() -> viewSession.pushEvent("", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> viewSession.pushEvent("x".repeat(101), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> viewSession.focus(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> viewSession.focus("#a".repeat(300))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> viewSession.pushEvent("x", new Object())).isInstanceOf(IllegalArgumentException.class);
        assertThat(sent).isEmpty();
    }
}
