package dev.relive.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A page that answers with the runtime's error page fails the test with what the page says, not its markup. */
class LiveBrowserErrorTest {

    @Test
    void issue13AnErrorPageIsToldAsText() {
        String page = "<!DOCTYPE html>\n<html lang=\"en\"><head><title>500 Error</title></head><body><h1>Error</h1>"
                + "<p>TypoView template, line 1: Unexpected &quot;}&quot;</p><pre>at a.b(C.java:1)\n  at d</pre>"
                + "<p><a href=\"/\">All views</a></p></body></html>\n";

        assertThat(LiveBrowser.said(page)).isEqualTo("Error\nTypoView template, line 1: Unexpected \"}\"\n"
                + "at a.b(C.java:1)\n  at d");
    }

    @Test
    void anyOtherBodyIsToldAsItIs() {
        assertThat(LiveBrowser.said("not found")).isEqualTo("not found");
    }
}
