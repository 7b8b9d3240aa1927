package dev.relive.runtime.internal.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A child view's template that is one element of the wrapper's tag is the wrapper; anything else is wrapped. */
class ChildElementTest {

    private static String li(String inner) {
        return ChildElement.of(inner, "li", "task-3", "a.TaskRow");
    }

    @Test
    void oneElementOfTheTagIsTheWrapperKeepingItsAttributes() {
        assertThat(li("\n<li id=\"task-3\" class=\"done\">\n  <a>Write</a>\n</li>\n"))
                .isEqualTo("\n<li rl-child=\"task-3\" rl-view=\"a.TaskRow\" id=\"task-3\" class=\"done\">\n  <a>Write</a>\n</li>\n");
        assertThat(li("<LI>x</LI>")).isEqualTo("<LI rl-child=\"task-3\" rl-view=\"a.TaskRow\">x</LI>");
        assertThat(li("<li title=\"a > b\"><ul><li>nested</li></ul></li>"))
                .startsWith("<li rl-child=\"task-3\" rl-view=\"a.TaskRow\" title=\"a > b\"><ul>");
    }

    @Test
    void otherContentIsWrapped() {
        String wrapped = "<li rl-child=\"task-3\" rl-view=\"a.TaskRow\">";
        assertThat(li("<a>Write</a>")).isEqualTo(wrapped + "<a>Write</a></li>");
        assertThat(li("<span>one</span> text")).startsWith(wrapped);
        assertThat(li("<ul><li>nested</li></ul>")).isEqualTo(wrapped + "<ul><li>nested</li></ul></li>");
        assertThatThrownBy(() -> li("<li rl-child=\"other\">x</li>")).isInstanceOf(RenderException.class);
        assertThat(ChildElement.of("<div rl-view=\"x\">x</div>", "div", "r", "a.Row")).startsWith("<div rl-child=\"r\" rl-view=\"a.Row\"><div rl-view");
        assertThat(li("")).isEqualTo(wrapped + "</li>");
        assertThat(ChildElement.of("<div class=\"card\">x</div>", "tr", "r", "a.Row")).startsWith("<tr rl-child");
    }

    @Test
    void commentsAroundTheOneElementAndInsideItAreFine() {
        assertThat(li("<!-- one row -->\n<li class=\"done\">x<!-- </li> --></li>\n<!-- end -->"))
                .isEqualTo("<!-- one row -->\n<li rl-child=\"task-3\" rl-view=\"a.TaskRow\" class=\"done\">x<!-- </li> -->"
                        + "</li>\n<!-- end -->");
        assertThat(li("<LI>\u0130stanbul</LI>")).isEqualTo("<LI rl-child=\"task-3\" rl-view=\"a.TaskRow\">\u0130stanbul</LI>");
    }

    @Test
    void issue15ContentABrowserWouldTakeOutOfTheWrapperIsRefusedSayingWhy() {
        assertThatThrownBy(() -> li("<li>one</li><span class=\"extra\">x</span>"))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("child 'task-3' (TaskRow, tag=\"li\")")
                .hasMessageContaining("puts a <li> beside other content")
                .hasMessageContaining("Make the template one <li>...</li>");
        assertThatThrownBy(() -> li("<li>one</li><li>two</li>")).isInstanceOf(RenderException.class);
        assertThat(ChildElement.of("<td>a</td>", "tr", "r", "a.Row")).startsWith("<tr rl-child");
        assertThatThrownBy(() -> ChildElement.of("<tr><td>a</td></tr><tr></tr>", "tr", "r", "a.Row"))
                .hasMessageContaining("puts a <tr>");
        assertThatThrownBy(() -> ChildElement.of("text <div>block</div>", "p", "r", "a.Note"))
                .hasMessageContaining("puts a <div>");
        assertThat(ChildElement.of("<b>x</b><br><script>'<li>'</script>", "li", "r", "a.Row")).startsWith("<li rl-child");
    }

    @Test
    void theDefaultDivTakesAChildThatIsOneDiv() {
        assertThat(ChildElement.of("<div class=\"card\">x</div>", "div", "c<1>", "a.Card"))
                .isEqualTo("<div rl-child=\"c&lt;1&gt;\" rl-view=\"a.Card\" class=\"card\">x</div>");
    }
}
