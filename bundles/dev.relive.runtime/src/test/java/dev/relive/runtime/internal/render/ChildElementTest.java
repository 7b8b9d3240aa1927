package dev.relive.runtime.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(li("<li>one</li><li>two</li>")).isEqualTo(wrapped + "<li>one</li><li>two</li></li>");
        assertThat(li("<li>one</li> text")).startsWith(wrapped);
        assertThat(li("<link rel=x><li>x</li>")).startsWith(wrapped);
        assertThat(li("<li><!-- </li> --></li>")).startsWith(wrapped);
        assertThat(li("<li rl-child=\"other\">x</li>")).startsWith(wrapped);
        assertThat(li("")).isEqualTo(wrapped + "</li>");
        assertThat(ChildElement.of("<div class=\"card\">x</div>", "tr", "r", "a.Row")).startsWith("<tr rl-child");
    }

    @Test
    void theDefaultDivTakesAChildThatIsOneDiv() {
        assertThat(ChildElement.of("<div class=\"card\">x</div>", "div", "c<1>", "a.Card"))
                .isEqualTo("<div rl-child=\"c&lt;1&gt;\" rl-view=\"a.Card\" class=\"card\">x</div>");
    }
}
