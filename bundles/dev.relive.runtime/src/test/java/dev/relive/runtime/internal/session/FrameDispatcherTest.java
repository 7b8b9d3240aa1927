package dev.relive.runtime.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameDispatcherTest {

    @Test
    void pathsAndQueriesOfPageUrls() {
        assertThat(FrameDispatcher.pathOf("http://localhost:8080/counter?x=1")).isEqualTo("/counter");
        assertThat(FrameDispatcher.pathOf("/tabs")).isEqualTo("/tabs");
        assertThat(FrameDispatcher.pathOf("http://localhost:8080")).isEqualTo("/");
        assertThat(FrameDispatcher.pathOf("not a url with spaces?q")).isEqualTo("not a url with spaces");
        assertThat(FrameDispatcher.queryOf("/a?x=1&y=%20b&x=2&flag#frag"))
                .containsEntry("x", "1").containsEntry("y", " b").containsEntry("flag", "").hasSize(3);
    }

    @Test
    void malformedPercentEncodingIsKeptAsItIs() {
        assertThat(FrameDispatcher.queryOf("/a?x=%zz")).containsEntry("x", "%zz");
    }
}
