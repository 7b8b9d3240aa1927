package dev.relive.runtime.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.relive.runtime.internal.vdom.Patch;
import dev.relive.runtime.spi.HvrApplied;
import dev.relive.runtime.spi.HvrError;
import dev.relive.runtime.spi.ReloadReason;

/** The server's frames, byte for byte: the examples of docs/protocol.md, and the optional fields left out. */
class ServerFramesTest {

    record Points(int t, List<Integer> values) {
    }

    @Test
    void theExamplesOfTheProtocolDocumentAreWhatTheServerBuilds() throws IOException {
        List<String> examples = serverExamples();
        Map<String, Long> phases = new LinkedHashMap<>();
        phases.put("watch", 12L);
        phases.put("compile", 41L);
        phases.put("package", 9L);
        List<String> built = List.of(
                ServerFrames.mounted(new ServerFrames.Mounted(null, "Kq3v...", "dev.relive.examples.counter.CounterView",
                        "/counter", 0, "<h1>Counter</h1>...", "Counter", null), null, 65536),
                ServerFrames.patch(4, 7L, List.of(new Patch.Text(List.of(1, 1, 0), "6")), null, null),
                ServerFrames.ack(8, 4),
                ServerFrames.error(9L, ErrorCode.UNKNOWN_HANDLER, "CounterView has no @EventHandler named 'reset'",
                        null),
                ServerFrames.url("/tasks?filter=done", false),
                ServerFrames.reload(new ReloadReason(ReloadReason.Code.HANDLER_REMOVED, "increment"), null),
                ServerFrames.hvrApplied(new HvrApplied("dev.relive.examples.counter.CounterView", 3,
                        "/home/ada/app/bundles/dev.relive.examples.counter/src/main/java/dev/relive/examples/counter/"
                                + "CounterView.java", 84, "dev.relive.examples.counter", phases, List.of("step"))),
                ServerFrames.hvrError(new HvrError("dev.relive.examples.counter", "/home/ada/.../CounterView.java", 21,
                        9, "';' expected")),
                ServerFrames.hvrRenderError(new HvrError("dev.relive.examples.counter", "/home/ada/.../CounterView.peb",
                        31, 0, "CounterView template, line 31: Unexpected character [end of template]")),
                ServerFrames.push("points", new Points(12, List.of(3, 5, 8))),
                ServerFrames.focus("#email"));
        assertThat(built).containsExactlyElementsOf(examples);
    }

    @Test
    void optionalFieldsAreLeftOutWhenNull() {
        assertThat(ServerFrames.patch(1, null, List.of(), "T", Map.of("description", "d")))
                .isEqualTo("{\"type\":\"patch\",\"seq\":1,\"patches\":[],\"title\":\"T\",\"meta\":{\"description\":\"d\"}}");
        assertThat(ServerFrames.render(null, 5, "<p>x</p>"))
                .isEqualTo("{\"type\":\"render\",\"seq\":5,\"html\":\"<p>x</p>\"}");
        assertThat(ServerFrames.render(2L, 5, ""))
                .isEqualTo("{\"type\":\"render\",\"ref\":2,\"seq\":5,\"html\":\"\"}");
        assertThat(ServerFrames.error(null, ErrorCode.BAD_JSON, "m", "trace"))
                .isEqualTo("{\"type\":\"error\",\"code\":\"bad_json\",\"message\":\"m\",\"detail\":\"trace\"}");
        assertThat(ServerFrames.mounted(new ServerFrames.Mounted(11L, "s", "V", "/tabs", 3, "", "Tabs", "tok")))
                .isEqualTo("{\"type\":\"mounted\",\"protocol\":1,\"session\":\"s\",\"view\":\"V\",\"url\":\"/tabs\","
                        + "\"seq\":3,\"html\":\"\",\"title\":\"Tabs\",\"ref\":11,\"token\":\"tok\"}");
    }

    @Test
    void framesWithoutOptionalFields() {
        assertThat(ServerFrames.pong(12)).isEqualTo("{\"type\":\"pong\",\"ref\":12}");
        assertThat(ServerFrames.redirect("/a")).isEqualTo("{\"type\":\"redirect\",\"url\":\"/a\"}");
        assertThat(ServerFrames.navigate("/b")).isEqualTo("{\"type\":\"navigate\",\"url\":\"/b\"}");
        assertThat(ServerFrames.reload(ReloadReason.of(ReloadReason.Code.VIEW_STOPPED), null))
                .isEqualTo("{\"type\":\"reload\",\"reason\":\"view_stopped\"}");
        assertThat(ServerFrames.reload(new ReloadReason(ReloadReason.Code.HANDLER_REMOVED, "dismiss"), "a.BadgeView"))
                .isEqualTo("{\"type\":\"reload\",\"reason\":\"handler_removed:dismiss\",\"view\":\"a.BadgeView\"}");
        assertThat(ServerFrames.hvrApplied(new HvrApplied("V", 1, null, 0, "b", Map.of())))
                .isEqualTo("{\"type\":\"hvr-applied\",\"view\":\"V\",\"version\":1,\"file\":null,\"ms\":0,"
                        + "\"bundle\":\"b\",\"phases\":{},\"dropped\":[]}");
    }

    /** The JSON lines of the server-to-client example block of docs/protocol.md. */
    private static List<String> serverExamples() throws IOException {
        String base = System.getProperty("basedir", System.getProperty("user.dir"));
        String doc = Files.readString(Path.of(base).resolve("../../docs/protocol.md").normalize());
        String section = doc.substring(doc.indexOf("## Server to client"));
        int start = section.indexOf("```json\n") + "```json\n".length();
        return section.substring(start, section.indexOf("```", start)).lines().toList();
    }
}
