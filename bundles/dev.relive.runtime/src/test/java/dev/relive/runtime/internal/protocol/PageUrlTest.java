package dev.relive.runtime.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageUrlTest {

    @Test
    void pathsAndQueriesOfPageUrls() {
        assertThat(PageUrl.pathOf("http://localhost:8080/counter?x=1")).isEqualTo("/counter");
        assertThat(PageUrl.pathOf("/tabs")).isEqualTo("/tabs");
        assertThat(PageUrl.pathOf("http://localhost:8080")).isEqualTo("/");
        assertThat(PageUrl.pathOf("not a url with spaces?q")).isEqualTo("not a url with spaces");
        assertThat(PageUrl.queryOf("/a?x=1&y=%20b&x=2&flag#frag"))
                .containsEntry("x", "1").containsEntry("y", " b").containsEntry("flag", "").hasSize(3);
    }

    @Test
    void malformedPercentEncodingIsKeptAsItIs() {
        assertThat(PageUrl.queryOf("/a?x=%zz")).containsEntry("x", "%zz");
    }
}
