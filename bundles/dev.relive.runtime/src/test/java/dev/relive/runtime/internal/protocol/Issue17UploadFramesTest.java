package dev.relive.runtime.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The upload frames, read and refused. */
class Issue17UploadFramesTest {

    private final ClientFrameParser parser = new ClientFrameParser(ProtocolJson.newMapper(), 65536);

    @Test
    void uploadChunkAndCancelAreRead() throws Exception {
        ClientFrame.Upload upload = (ClientFrame.Upload) parser.parse("{\"type\":\"upload\",\"ref\":3,\"name\":\"avatar\","
                + "\"files\":[{\"id\":\"f1\",\"name\":\"me.png\",\"size\":2048,\"type\":\"image/png\"}]}");
        assertThat(upload.files()).containsExactly(new FileOffer("f1", "me.png", 2048, "image/png"));
        assertThat(upload.child()).isNull();
        ClientFrame.Chunk chunk = (ClientFrame.Chunk) parser.parse(
                "{\"type\":\"chunk\",\"ref\":4,\"id\":\"f1\",\"offset\":0,\"data\":\"aGk=\"}");
        assertThat(new String(chunk.data(), StandardCharsets.US_ASCII)).isEqualTo("hi");
        assertThat(parser.parse("{\"type\":\"cancel\",\"ref\":5,\"id\":\"f1\"}"))
                .isEqualTo(new ClientFrame.Cancel(5L, "f1"));
    }

    @Test
    void badUploadFramesAreRefused() {
        for (String bad : List.of("{\"type\":\"upload\",\"ref\":1,\"name\":\"a\"}",
                "{\"type\":\"upload\",\"ref\":1,\"name\":\"a\",\"files\":[{\"id\":\"\",\"name\":\"x\",\"size\":1}]}",
                "{\"type\":\"upload\",\"ref\":1,\"name\":\"a\",\"files\":[{\"id\":\"i\",\"name\":\"x\",\"size\":\"1\"}]}",
                "{\"type\":\"chunk\",\"ref\":1,\"id\":\"i\",\"offset\":0,\"data\":\"%%%\"}",
                "{\"type\":\"chunk\",\"id\":\"i\",\"offset\":0,\"data\":\"\"}",
                "{\"type\":\"cancel\",\"ref\":1,\"id\":\"" + "x".repeat(65) + "\"}")) {
            assertThatThrownBy(() -> parser.parse(bad)).as(bad).isInstanceOf(RefusedFrameException.class)
                    .extracting(e -> ((RefusedFrameException) e).code()).isEqualTo(ErrorCode.BAD_FRAME);
        }
    }

    @Test
    void theServerUploadFramesAreTheExamplesOfTheProtocolDocument() throws IOException {
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("u1", null);
        refusals.put("u2", "the file is larger than 2 MB");
        List<String> examples = uploadExamples();
        assertThat(ServerFrames.upload(20, "avatar", refusals, List.of("u1", "u2"))).isEqualTo(examples.get(3));
        assertThat(ServerFrames.progress(21, "u1", 40960, false, null)).isEqualTo(examples.get(4));
        assertThat(ServerFrames.progress(22, "u1", 40960, false, "cancelled")).isEqualTo(examples.get(5));
    }

    @Test
    void theClientUploadFramesOfTheProtocolDocumentAreRead() throws Exception {
        List<String> examples = uploadExamples();
        assertThat(parser.parse(examples.get(0))).isInstanceOf(ClientFrame.Upload.class);
        assertThat(parser.parse(examples.get(1).replace("iVBORw0KGgo...", "iVBORw0KGgo="))).isInstanceOf(
                ClientFrame.Chunk.class);
        assertThat(parser.parse(examples.get(2))).isEqualTo(new ClientFrame.Cancel(22L, "u1"));
    }

    /** The JSON lines of the example block of the Uploads section of docs/protocol.md. */
    private static List<String> uploadExamples() throws IOException {
        String base = System.getProperty("basedir", System.getProperty("user.dir"));
        String doc = Files.readString(Path.of(base).resolve("../../docs/protocol.md").normalize());
        String section = doc.substring(doc.indexOf("## Uploads"));
        int start = section.indexOf("```json\n") + "```json\n".length();
        return section.substring(start, section.indexOf("```", start)).lines().toList();
    }
}
