package dev.relive.runtime.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.runtime.internal.protocol.ErrorCode;

class BrowserChannelTest {

    private final List<String> sent = new ArrayList<>();
    private final Connection connection = new Connection() {
        @Override
        public void send(String frame) {
            sent.add(frame);
        }

        @Override
        public void close(int status, String reason) {
        }
    };

    @Test
    void productionHidesWhatTheServerCodeThrewButNotWhatWasWrongWithTheFrame() throws Exception {
        BrowserChannel channel = new BrowserChannel(connection, false);
        channel.error(1L, ErrorCode.HANDLER_FAILED, "save threw java.sql.SQLException: password=hunter2",
                new IllegalStateException("hunter2"));
        channel.error(2L, ErrorCode.RENDER_FAILED, "TemplateException at line 3", null);
        channel.error(3L, ErrorCode.BAD_PARAMS, "add: parameter 'amount' cannot be read as int", null);
        assertThat(sent.get(0)).doesNotContain("hunter2", "SQLException", "detail");
        assertThat(frame(0).path("message").asText()).matches("the server could not do this \\(incident \\d+\\)");
        assertThat(sent.get(1)).doesNotContain("TemplateException");
        assertThat(frame(2).path("message").asText()).isEqualTo("add: parameter 'amount' cannot be read as int");
    }

    @Test
    void devKeepsTheMessageAndTheStackTrace() throws Exception {
        BrowserChannel channel = new BrowserChannel(connection, true);
        channel.error(1L, ErrorCode.HANDLER_FAILED, "save threw IllegalStateException: broken",
                new IllegalStateException("broken"));
        assertThat(frame(0).path("message").asText()).isEqualTo("save threw IllegalStateException: broken");
        assertThat(frame(0).path("detail").asText()).contains("java.lang.IllegalStateException: broken");
    }

    private JsonNode frame(int i) throws Exception {
        return new ObjectMapper().readTree(sent.get(i));
    }
}
