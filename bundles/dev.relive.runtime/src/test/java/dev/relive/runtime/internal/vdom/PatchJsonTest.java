package dev.relive.runtime.internal.vdom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatchJsonTest {

    private static final List<Patch> ALL = List.of(
            new Patch.Text(List.of(1, 1, 0), "6"),
            new Patch.Attr(List.of(0), "class", "a \"b\""),
            new Patch.RemoveAttr(List.of(0), "hidden"),
            new Patch.Insert(List.of(), 2, "<li>x</li>"),
            new Patch.Remove(List.of(3)),
            new Patch.Replace(List.of(0, 1), "<b>y</b>"),
            new Patch.Move(List.of(0), 4, 0));

    @Test
    void serializesInTheProtocolsShapeAndFieldOrder() {
        assertThat(PatchJson.toJson(ALL)).isEqualTo("["
                + "{\"op\":\"text\",\"path\":[1,1,0],\"text\":\"6\"},"
                + "{\"op\":\"attr\",\"path\":[0],\"name\":\"class\",\"value\":\"a \\\"b\\\"\"},"
                + "{\"op\":\"rmattr\",\"path\":[0],\"name\":\"hidden\"},"
                + "{\"op\":\"insert\",\"path\":[],\"index\":2,\"html\":\"<li>x</li>\"},"
                + "{\"op\":\"remove\",\"path\":[3]},"
                + "{\"op\":\"replace\",\"path\":[0,1],\"html\":\"<b>y</b>\"},"
                + "{\"op\":\"move\",\"path\":[0],\"from\":4,\"to\":0}]");
    }

    @Test
    void anyObjectMapperProducesTheSameShape() throws Exception {
        record Frame(String type, int seq, List<Patch> patches) { }
        String json = new ObjectMapper().writeValueAsString(new Frame("patch", 4, List.of(ALL.get(0))));
        assertThat(json).isEqualTo(
                "{\"type\":\"patch\",\"seq\":4,\"patches\":[{\"op\":\"text\",\"path\":[1,1,0],\"text\":\"6\"}]}");
        assertThat(PatchJson.toJson(ALL.get(6))).isEqualTo("{\"op\":\"move\",\"path\":[0],\"from\":4,\"to\":0}");
    }

    @Test
    void readsBack() {
        assertThat(PatchJson.fromJson(PatchJson.toJson(ALL))).isEqualTo(ALL);
        assertThat(PatchJson.fromTree(PatchJson.toTree(ALL))).isEqualTo(ALL);
    }

    @Test
    void refusesUnknownOps() {
        assertThatThrownBy(() -> PatchJson.fromJson("[{\"op\":\"explode\",\"path\":[]}]"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
