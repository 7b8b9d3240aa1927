package dev.relive.runtime.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LocationUrlTest {

    @Test
    void relativeAndHttpUrlsAreAllowed() {
        for (String url : new String[] {"/login", "tasks?x=1", "?page=2", "#top", "../up", "http://example.com/",
            "HTTPS://example.com/a", "//example.com/x"}) {
            assertThat(LocationUrl.allowed(url)).as(url).isTrue();
        }
    }

    @Test
    void scriptDataAndOtherSchemesAreRefused() {
        for (String url : new String[] {"javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
            "java\tscript:alert(1)", "java\nscript:alert(1)", "\u0000javascript:x", "data:text/html,<script>x</script>",
            "vbscript:x", "file:///etc/passwd", "blob:http://x/1", "", null}) {
            assertThat(LocationUrl.allowed(url)).as(String.valueOf(url)).isFalse();
        }
    }

    @Test
    void aRefusalSaysWhatAndWhy() {
        assertThatThrownBy(() -> LocationUrl.require("javascript:alert(1)", "redirect"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("redirect refused: only relative or http(s) URLs are allowed, not 'javascript:alert(1)'");
    }
}
