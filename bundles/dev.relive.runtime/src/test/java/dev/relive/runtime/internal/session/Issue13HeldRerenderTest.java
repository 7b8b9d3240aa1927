package dev.relive.runtime.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.runtime.internal.registry.RouteMatch;
import dev.relive.runtime.spi.HvrApplied;
import dev.relive.runtime.spi.LiveSession;

/**
 * A swapped session whose events queued behind the hold is not rendered by the swap: its first event renders the new
 * code and answers with the patches, once, and {@code hvr-applied} follows. A session with nothing queued is
 * rendered by the swap, then told. Either way the page is rendered once and the frame comes after the patches.
 */
class Issue13HeldRerenderTest {

    private final RecordedTab recorded = new RecordedTab(false);
    private final ObjectMapper json = recorded.json;
    private final List<String> sent = recorded.sent;
    private final TabSessionTest.CounterView view = new TabSessionTest.CounterView();
    private final TabSession tab = recorded.tab;
    private final LiveSession session = new TabLiveSession(tab, null);
    private final HvrApplied applied = new HvrApplied("CounterView", 1, null, 5, "b", Map.of());

    @BeforeEach
    void mount() {
        tab.mount(new RouteMatch(TabSessionTest.type(view), Map.of()), "/counter", Map.of());
    }

    @AfterEach
    void stopTimer() {
        recorded.close();
    }

    @Test
    void anEventQueuedBehindTheHoldRendersTheNewCodeOnceAndTheAppliedFrameFollowsItsAnswer() throws Exception {
        JsonNode noParams = json.readTree("{}");
        session.hold();
        tab.submit(() -> tab.event(7, null, "increment", noParams));
        view.count = 10; // what the swap's new instance shows
        session.rerender(applied);
        assertThat(sent).as("nothing is rendered while the session is held").isEmpty();

        session.release();

        assertThat(sent).hasSize(2);
        JsonNode answer = json.readTree(sent.get(0));
        assertThat(answer.path("type").asText()).isEqualTo("patch");
        assertThat(answer.path("ref").asLong()).isEqualTo(7);
        assertThat(answer.path("patches").toString()).contains("\"text\":\"11\"");
        assertThat(json.readTree(sent.get(1)).path("type").asText()).isEqualTo("hvr-applied");
    }

    @Test
    void withNothingQueuedTheSwapRendersThenSendsTheAppliedFrame() throws Exception {
        session.hold();
        view.count = 5;
        session.rerender(applied);

        assertThat(sent).hasSize(2);
        assertThat(json.readTree(sent.get(0)).path("patches").toString()).contains("\"text\":\"5\"");
        assertThat(json.readTree(sent.get(0)).has("ref")).isFalse();
        assertThat(json.readTree(sent.get(1)).path("type").asText()).isEqualTo("hvr-applied");

        session.release();
        assertThat(sent).hasSize(2);
    }

    @Test
    void aQueuedTaskThatRendersNothingLeavesTheRenderToTheSwap() throws Exception {
        session.hold();
        List<String> ran = new ArrayList<>();
        tab.submit(() -> ran.add("task"));
        view.count = 3;
        session.rerender(applied);
        assertThat(sent).isEmpty();

        session.release();

        assertThat(ran).containsExactly("task");
        assertThat(sent).hasSize(2);
        assertThat(json.readTree(sent.get(0)).path("patches").toString()).contains("\"text\":\"3\"");
        assertThat(json.readTree(sent.get(1)).path("type").asText()).isEqualTo("hvr-applied");
    }
}
