package dev.relive.runtime.internal.vdom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The parser of template output builds what jsoup's tree builder builds, or gives up. */
class WellFormedParserTest {

    private static final String[] TAGS = {"div", "span", "p", "b", "i", "a", "button", "label", "ul", "ol", "li",
        "dl", "dd", "dt", "h1", "h2", "section", "form", "pre", "table", "tbody", "thead", "tr", "td", "th", "em",
        "strong", "main", "nav", "header", "custom-el", "textarea", "title", "script", "style", "select", "option",
        "details", "summary", "small", "code"};
    private static final String[] VOIDS = {"br", "input", "img", "hr", "meta", "link", "wbr", "source"};
    private static final String[] TEXTS = {"a", "hello", " ", "\n  ", "x &amp; y", "1 &lt; 2", "&nbsp;", "&copy",
        "&notit;", "&#169;", "&#x41;", "\"q\"", "'", "&", "a&b", "é", "&amp", "&ampx", "", ">", "\t"};
    private static final String[] ATTRS = {" class=\"c\"", " id=a", " data-x='1'", " hidden", " rl-key=\"k\"",
        " title=\"a &amp; b\"", " href=\"?a=1&b=2\"", " href=\"?a=1&copy=2\"", " value=x&lt;", " CLASS=\"u\"",
        " disabled ", " rl-click=\"go\"", " style=\"color: red\"", " a = \"spaced\"", "/"};

    @Provide
    Arbitrary<String> markup() {
        return Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            StringBuilder sb = new StringBuilder();
            children(sb, r, 0);
            return sb.toString();
        });
    }

    private static void children(StringBuilder sb, Random r, int depth) {
        int n = r.nextInt(depth == 0 ? 6 : 4);
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(10);
            if (kind < 3) {
                sb.append(TEXTS[r.nextInt(TEXTS.length)]);
            } else if (kind == 3) {
                sb.append(r.nextBoolean() ? "<!-- note -->" : "<!---->");
            } else if (kind == 4) {
                sb.append('<').append(VOIDS[r.nextInt(VOIDS.length)]).append(attrs(r)).append(r.nextBoolean() ? ">" : "/>");
            } else if (depth < 5) {
                String tag = TAGS[r.nextInt(TAGS.length)];
                sb.append('<').append(r.nextInt(8) == 0 ? tag.toUpperCase() : tag).append(attrs(r)).append('>');
                children(sb, r, depth + 1);
                sb.append("</").append(tag).append('>');
            }
        }
    }

    private static String attrs(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(3);
        for (int i = 0; i < n; i++) {
            String a = ATTRS[r.nextInt(ATTRS.length)];
            if (!a.equals("/")) {
                sb.append(a);
            }
        }
        return sb.toString();
    }

    @Property(tries = 3000)
    void acceptedMarkupParsesAsJsoupParsesIt(@ForAll("markup") String html) {
        boolean accepted = assertSameAsJsoup(html);
        Statistics.label("accepted").collect(accepted);
        Statistics.label("accepted").coverage(c -> c.check(true).percentage(p -> p > 25));
    }

    @Provide
    Arbitrary<List<String>> soup() {
        return new HtmlFuzzTest().soup();
    }

    @Property(tries = 2000)
    void brokenMarkupIsRefusedOrParsedAsJsoupParsesIt(@ForAll("soup") List<String> tokens) {
        assertSameAsJsoup(String.join("", tokens));
    }

    @Test
    void templateOutputTakesTheFastPath() {
        StringBuilder table = new StringBuilder("<h1>People</h1>\n<!-- rows -->\n<table id=\"rows\"><thead><tr>"
                + "<th class=\"num\">#</th></tr></thead><tbody>");
        for (int i = 0; i < 50; i++) {
            table.append("\n  <tr rl-key=\"").append(i).append("\" id=\"row-").append(i).append("\"><td>").append(i)
                    .append("</td><td><button type=\"button\" rl-click=\"star\" rl-value-id=\"").append(i)
                    .append("\">&#9734;</button></td></tr>");
        }
        table.append("\n</tbody></table><p>Tom &amp; Jerry&nbsp;<input id=q value=\"a&lt;b\" autofocus></p>"
                + "<style>p > b { color: red }</style><script>if (a < b && c) go();</script>"
                + "<textarea name=t>x &lt; y</textarea>");
        String html = table.toString();
        assertThat(WellFormedParser.parseChildren(html, true)).isNotNull();
        assertSameAsJsoup(html);
    }

    @Test
    void whitespaceBetweenElementsIsOneSharedStringAndUpperCaseEndTagsClose() {
        VNode[] first = WellFormedParser.parseChildren("<ul>\n  <li>a</li>\n  <LI>b</Li>\n</UL>", false);
        VNode[] second = WellFormedParser.parseChildren("<ol>\n  <li>c</li>\n</ol>", false);
        assertThat(first).hasSize(1);
        VText firstSpace = (VText) ((VElement) first[0]).children().get(0);
        VText secondSpace = (VText) ((VElement) second[0]).children().get(0);
        assertThat(firstSpace.text()).isEqualTo("\n  ").isSameAs(secondSpace.text());
        assertThat(HtmlWriter.write(List.of(first))).isEqualTo("<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>");
        // runs split by comments join: whitespace alone stays shared, whitespace and text become one text
        VElement spaces = (VElement) WellFormedParser.parseChildren("<div> <!-- a --> </div>", false)[0];
        assertThat(((VText) spaces.children().get(0)).text()).isEqualTo("  ");
        VElement mixed = (VElement) WellFormedParser.parseChildren("<div> <!-- a --> x &amp; y</div>", false)[0];
        assertThat(mixed.children()).hasSize(1);
        assertThat(((VText) mixed.children().get(0)).text()).isEqualTo("  x & y");
        assertSameAsJsoup("<div> <!-- a --> x &amp; y</div><DIV>\n</div>");
    }

    @Test
    void givesUpWhereTheTreeBuilderRepairs() {
        for (String html : List.of("<table><tr><td>x</td></tr></table>", "<p><div>x</div></p>", "<p>a", "<b><i>x</b></i>",
                "<ul><li>a<li>b</ul>", "<a href=x><a href=y>z</a></a>", "<select><option>a</option></select>",
                "<svg><circle r=1 /></svg>", "<div/>", "<pre>\nx</pre>", "<td>x</td>", "<!DOCTYPE html>", "a < b",
                "<p a=1 a=2>x</p>", "<p a=\"1\"b=2>x</p>", "<script><!-- x --></script>", "<table>x</table>")) {
            assertThat(WellFormedParser.parseChildren(html, true)).as(html).isNull();
            assertThat(HtmlParser.parse(html)).isEqualTo(HtmlParser.parseWithJsoup(html));
        }
    }

    /** Whether the markup took the fast path. */
    private static boolean assertSameAsJsoup(String html) {
        String input = HtmlParser.normalizeNewlines(html);
        VNode[] fast = WellFormedParser.parseChildren(input, true);
        if (fast != null) {
            VElement jsoup = HtmlParser.parseWithJsoup(html);
            assertThat(HtmlWriter.write(List.of(fast))).as(html).isEqualTo(HtmlWriter.writeInner(jsoup));
            assertThat(List.of(fast)).as(html).isEqualTo(jsoup.children());
            assertThat(List.of(WellFormedParser.parseChildren(input, false))).as("unshared: " + html)
                    .isEqualTo(List.of(fast));
        }
        return fast != null;
    }
}
