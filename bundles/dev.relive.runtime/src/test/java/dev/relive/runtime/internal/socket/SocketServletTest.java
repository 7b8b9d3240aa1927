package dev.relive.runtime.internal.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SocketServletTest {

    @Test
    void originMustBeThePagesHostOrAllowed() {
        assertThat(SocketServlet.originAllowed("http://localhost:8080", "localhost:8080", List.of())).isTrue();
        assertThat(SocketServlet.originAllowed("http://evil.example", "localhost:8080", List.of())).isFalse();
        assertThat(SocketServlet.originAllowed("http://localhost:9999", "localhost:8080", List.of())).isFalse();
        assertThat(SocketServlet.originAllowed("https://app.example", "localhost:8080",
                List.of("https://app.example"))).isTrue();
        assertThat(SocketServlet.originAllowed("null", "localhost:8080", List.of())).isFalse();
        assertThat(SocketServlet.originAllowed(null, "localhost:8080", List.of())).isTrue();
    }
}
