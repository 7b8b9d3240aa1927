package dev.relive.runtime.internal.vdom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The trees of two sessions that render the same page keep one copy of its text and attribute values: an idle
 * session's heap is its own state, not another copy of the page's style block and layout.
 */
class Issue13SharedTextTest {

    private static final String STYLE = ".card { background: #fff; border: 1px solid #d8dee4; border-radius: 12px; }"
            + " ".repeat(300) + ".total { margin: 0 0 1rem; color: #57606a; }";

    /** Each session renders its own copy of the markup, as a template does. */
    private static String render(int count) {
        return new StringBuilder().append("<style>").append(STYLE).append("</style>")
                .append("<main class=\"counter\"><p class=\"total\" title=\"The number of clicks so far\">Count: ")
                .append("<strong id=\"count\">").append(count).append("</strong></p>")
                .append("<label for=\"note\">A note the server does not bind</label>")
                .append("<input id=\"note\" placeholder=\"Write a note for later\"></main>").toString();
    }

    @Test
    void twoSessionsOfOnePageShareTheirText() {
        VElement one = HtmlParser.parse(render(1));
        VElement two = HtmlParser.parse(render(2));

        assertThat(styleText(two)).isEqualTo(STYLE).isSameAs(styleText(one));
        VElement mainOne = (VElement) one.children().get(1);
        VElement mainTwo = (VElement) two.children().get(1);
        VElement labelOne = (VElement) mainOne.children().get(1);
        VElement labelTwo = (VElement) mainTwo.children().get(1);
        assertThat(((VText) labelTwo.children().get(0)).text())
                .isSameAs(((VText) labelOne.children().get(0)).text());
        assertThat(((VElement) mainTwo.children().get(2)).attribute("placeholder"))
                .isSameAs(((VElement) mainOne.children().get(2)).attribute("placeholder"));
        assertThat(((VElement) mainTwo.children().get(0)).attribute("title"))
                .isSameAs(((VElement) mainOne.children().get(0)).attribute("title"));
    }

    @Test
    void whatDiffersStaysEachSessionsOwn() {
        VElement one = HtmlParser.parse(render(1));
        VElement two = HtmlParser.parse(render(2));

        assertThat(HtmlWriter.write(one)).contains(">1<");
        assertThat(HtmlWriter.write(two)).contains(">2<").doesNotContain(">1<");
    }

    @Test
    void equalValuesOnlyAndNothingUnbounded() {
        String a = new String("a value of some length");
        String b = new String("a value of some length");
        assertThat(SharedStrings.share(a)).isSameAs(a);
        assertThat(SharedStrings.share(b)).isSameAs(a);
        assertThat(SharedStrings.share("another value")).isEqualTo("another value");
        assertThat(SharedStrings.share(null)).isNull();

        String huge = "x".repeat(SharedStrings.LARGE_MAX + 1);
        String hugeCopy = new String(huge);
        SharedStrings.share(huge);
        assertThat(SharedStrings.share(hugeCopy)).isSameAs(hugeCopy);
    }

    private static String styleText(VElement root) {
        return ((VText) ((VElement) root.children().get(0)).children().get(0)).text();
    }
}
