package dev.relive.runtime.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class ClientFrameParserTest {

    private final ClientFrameParser parser = new ClientFrameParser(ProtocolJson.newMapper(), 1024);

    @Test
    void everyClientFrameFixtureParsesToItsType() throws Exception {
        Map<String, Class<?>> types = Map.of("mount", ClientFrame.Mount.class, "event", ClientFrame.Event.class,
                "model", ClientFrame.Model.class, "render", ClientFrame.Render.class, "navigate",
                ClientFrame.Navigate.class, "url", ClientFrame.Url.class, "ping", ClientFrame.Ping.class);
        List<Path> files = clientFixtures();
        assertThat(files).hasSizeGreaterThanOrEqualTo(types.size());
        for (Path file : files) {
            String text = Files.readString(file);
            String type = ProtocolJson.newMapper().readTree(text).get("type").asText();
            assertThat(parser.parse(text)).as(file.getFileName().toString()).isInstanceOf(types.get(type));
        }
    }

    @Test
    void fieldsAreCarriedOver() throws Exception {
        assertThat(parser.parse("{\"type\":\"mount\",\"protocol\":1,\"token\":\"t\",\"url\":\"/c\"}"))
                .isEqualTo(new ClientFrame.Mount("t", "/c"));
        ClientFrame.Event event = (ClientFrame.Event) parser.parse(
                "{\"type\":\"event\",\"ref\":8,\"handler\":\"select\",\"params\":{\"tab\":\"b\"},\"child\":\"side\"}");
        assertThat(event.ref()).isEqualTo(8L);
        assertThat(event.handler()).isEqualTo("select");
        assertThat(event.params().get("tab").asText()).isEqualTo("b");
        assertThat(event.child()).isEqualTo("side");
        ClientFrame.Model model = (ClientFrame.Model) parser.parse(
                "{\"type\":\"model\",\"ref\":9,\"field\":\"name\",\"value\":null}");
        assertThat(model.value().isNull()).isTrue();
        assertThat(model.child()).isNull();
        assertThat(parser.parse("{\"type\":\"render\"}")).isEqualTo(new ClientFrame.Render(null));
        assertThat(parser.parse("{\"type\":\"navigate\",\"ref\":3,\"url\":\"/tabs\"}"))
                .isEqualTo(new ClientFrame.Navigate(3L, "/tabs"));
        assertThat(parser.parse("{\"type\":\"ping\",\"ref\":12,\"extra\":true}")).isEqualTo(new ClientFrame.Ping(12L));
    }

    @Test
    void malformedFramesAreRefusedWithTheirCodeAndRef() {
        refused("x".repeat(1025), null, ErrorCode.TOO_LARGE);
        refused("\"" + "é".repeat(600) + "\"", null, ErrorCode.TOO_LARGE);
        refused("{not json", null, ErrorCode.BAD_JSON);
        refused("[1,2]", null, ErrorCode.BAD_JSON);
        refused("{\"ref\":4}", 4L, ErrorCode.BAD_FRAME);
        refused("{\"type\":7,\"ref\":4}", 4L, ErrorCode.BAD_FRAME);
        refused("{\"type\":\"dance\",\"ref\":5}", 5L, ErrorCode.UNKNOWN_TYPE);
        refused("{\"type\":\"mount\",\"protocol\":2,\"token\":\"t\",\"url\":\"/\"}", null, ErrorCode.PROTOCOL_MISMATCH);
        refused("{\"type\":\"mount\",\"token\":\"t\",\"url\":\"/\"}", null, ErrorCode.PROTOCOL_MISMATCH);
        refused("{\"type\":\"mount\",\"protocol\":1,\"url\":\"/\"}", null, ErrorCode.BAD_FRAME);
        refused("{\"type\":\"event\",\"handler\":\"h\"}", null, ErrorCode.BAD_FRAME);
        refused("{\"type\":\"event\",\"ref\":1.5,\"handler\":\"h\"}", null, ErrorCode.BAD_FRAME);
        refused("{\"type\":\"event\",\"ref\":2}", 2L, ErrorCode.BAD_FRAME);
        refused("{\"type\":\"event\",\"ref\":2,\"handler\":\"h\",\"params\":[1]}", 2L, ErrorCode.BAD_PARAMS);
        refused("{\"type\":\"model\",\"ref\":3,\"field\":\"f\"}", 3L, ErrorCode.BAD_FRAME);
        refused("{\"type\":\"navigate\",\"ref\":3}", 3L, ErrorCode.BAD_FRAME);
        refused("{\"type\":\"ping\"}", null, ErrorCode.BAD_FRAME);
        refused("{\"type\":\"ping\",\"ref\":-5}", null, ErrorCode.BAD_FRAME);
        refused("{\"type\":\"event\",\"ref\":0,\"handler\":\"h\"}", null, ErrorCode.BAD_FRAME);
    }

    @Test
    void unknownTypesAreEchoedShortened() {
        assertThatThrownBy(() -> parser.parse("{\"type\":\"" + "t".repeat(200) + "\"}"))
                .isInstanceOfSatisfying(RefusedFrameException.class,
                        e -> assertThat(e.getMessage()).hasSizeLessThan(120).endsWith("...'"));
    }

    private void refused(String text, Long ref, ErrorCode code) {
        assertThatThrownBy(() -> parser.parse(text)).as(text).isInstanceOfSatisfying(RefusedFrameException.class, e -> {
            assertThat(e.code()).as(text).isEqualTo(code);
            assertThat(e.ref()).as(text).isEqualTo(ref);
        });
    }

    private static List<Path> clientFixtures() throws IOException {
        String base = System.getProperty("basedir", System.getProperty("user.dir"));
        Path dir = Path.of(base).resolve("../../docs/fixtures/frames").normalize();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("client-")).sorted().toList();
        }
    }
}
