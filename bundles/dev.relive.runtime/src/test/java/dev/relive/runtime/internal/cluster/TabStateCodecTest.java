package dev.relive.runtime.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.relive.api.LiveView;
import dev.relive.runtime.internal.state.ClassShape;

/** A tab's stored state survives its bytes; too many bytes, or bytes of another format, are not an entry. */
class TabStateCodecTest {

    static class NotesView extends LiveView {
        int count;
    }

    private final TabState state = new TabState(TabState.FORMAT, "s1", NotesView.class.getName(), "/notes",
            "/notes?x=1", "ada", List.of(new ViewState(null, false, NotesView.class.getName(),
                    ClassShape.of(NotesView.class), Map.of("count", IntNode.valueOf(3), "draft",
                            TextNode.valueOf("hal")), List.of("room"), Map.of("room", Map.of("name", "ada")))));

    @Test
    void aStateRoundTripsThroughItsBytes() throws Exception {
        TabStateCodec codec = new TabStateCodec(262144);

        assertThat(codec.decode(codec.encode(state))).contains(state);
    }

    @Test
    void aStateOverTheCapIsNotStorable() {
        assertThatThrownBy(() -> new TabStateCodec(100).encode(state)).isInstanceOf(UnstorableStateException.class)
                .hasMessageContaining("cluster_state_max_bytes");
    }

    @Test
    void bytesOfAnotherFormatOrNoStateAtAllAreNoEntry() throws Exception {
        TabStateCodec codec = new TabStateCodec(262144);
        TabState future = new TabState(TabState.FORMAT + 1, "s1", state.view(), "/notes", "/notes", null,
                state.views());

        assertThat(codec.decode(codec.encode(future))).isEmpty();
        assertThat(codec.decode("not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(codec.decode(null)).isEmpty();
    }
}
