package dev.relive.runtime.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.relive.runtime.internal.upload.FileOffer;

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
}
