package dev.relive.runtime.internal.vdom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HtmlWriterTest {

    @Test
    void escapesTextAndAttributes() {
        VElement root = VElement.of("div",
                VElement.of("p", Map.of("title", "a & \"b\" <c> 'd'"), VText.of("1 < 2 & 3 > 0 \u00a0")));
        assertThat(HtmlWriter.writeInner(root))
                .isEqualTo("<p title=\"a &amp; &quot;b&quot; &lt;c&gt; 'd'\">1 &lt; 2 &amp; 3 &gt; 0 &nbsp;</p>");
    }

    @Test
    void writesVoidElementsWithoutEndTagAndBooleanAttributesEmpty() {
        VElement root = HtmlParser.parse("<input type=checkbox checked><br><hr>");
        assertThat(HtmlWriter.writeInner(root)).isEqualTo("<input type=\"checkbox\" checked=\"\"><br><hr>");
    }

    @Test
    void doesNotEscapeRawTextButDoesEscapeRcdata() {
        VElement root = HtmlParser.parse("<script>a<b&&c</script><style>p>a{}</style><textarea>a&lt;b</textarea>");
        assertThat(HtmlWriter.writeInner(root))
                .isEqualTo("<script>a<b&&c</script><style>p>a{}</style><textarea>a&lt;b</textarea>");
    }

    @Test
    void escapesSvgStyleWhichIsNotRawText() {
        VElement root = HtmlParser.parse("<svg><style>a&lt;b</style></svg>");
        assertThat(HtmlWriter.writeInner(root)).isEqualTo("<svg><style>a&lt;b</style></svg>");
    }

    @Test
    void aTextNodeAloneIsAlwaysEscaped() {
        assertThat(HtmlWriter.write(VText.of("<b>&"))).isEqualTo("&lt;b&gt;&amp;");
    }

    @Test
    void addsTheLineFeedThatPreDrops() {
        VElement root = HtmlParser.parse("<pre>\n\nx</pre><textarea>\n\ny</textarea>");
        String html = HtmlWriter.writeInner(root);
        assertThat(html).isEqualTo("<pre>\n\nx</pre><textarea>\n\ny</textarea>");
        assertThat(HtmlParser.parse(html)).isEqualTo(root);
    }

    @Test
    void writesCarriageReturnsAsReferences() {
        VElement root = VElement.of("div", VElement.of("p", Map.of("a", "x\ry"), VText.of("1\r2")));
        String html = HtmlWriter.writeInner(root);
        assertThat(html).isEqualTo("<p a=\"x&#13;y\">1&#13;2</p>");
        assertThat(HtmlParser.parse(html)).isEqualTo(root);
    }

    @Test
    void writesNothingAfterPlaintext() {
        VElement root = HtmlParser.parse("<div><plaintext>a</div><p>&amp;");
        String html = HtmlWriter.writeInner(root);
        assertThat(html).isEqualTo("<div><plaintext>a</div><p>&amp;");
        assertThat(HtmlParser.parse(html)).isEqualTo(root);
    }

    @Test
    void writesNothingAfterAScriptThatRunsToTheEnd() {
        VElement root = HtmlParser.parse("<div><script><!--<script>x</div><p>after");
        String html = HtmlWriter.writeInner(root);
        assertThat(html).isEqualTo("<div><script><!--<script>x</div><p>after");
        assertThat(HtmlParser.parse(html)).isEqualTo(root);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<h1>Counter</h1><p>Count: <b>5</b></p>",
            "<table><tr><td>1</td></tr><tr><td>2</td></tr></table>",
            "<table>\n <thead><tr><th>h</th></tr></thead>\n <tr><td>x</td></tr>\n</table>",
            "<ul>\n  <li rl-key=\"a\">a</li>\n  <li rl-key=\"b\">b &amp; c</li>\n</ul>",
            "<select name=s><option value=1 selected>One<option value=2>Two</select>",
            "<p>a<p>b<div>c</div>",
            "<svg viewBox=\"0 0 1 1\"><foreignObject><p>x</p></foreignObject><path d=\"M0 0\"/></svg>",
            "<math><mi>x</mi><annotation-xml encoding=\"text/html\"><b>y</b></annotation-xml></math>",
            "<template><tr><td>1</td></tr></template><noscript><p>no js</p></noscript>",
            "<a href=x>1<a href=y>2</a>",
            "<b><i>x</b>y</i>",
            "<table>x<tr><td>1</td></tr>y</table>",
            "a &amp; b &lt; c &nbsp; &copy;",
            "<div a\"b=1 c<d=2>q</div>",
            "<iframe>a&amp;<b></iframe><xmp>&lt;</xmp><noembed>a</noembed>",
            "<listing>\n\nx</listing>",
            "<svg><![CDATA[a<b]]></svg>",
    })
    void roundTrips(String html) {
        VElement tree = HtmlParser.parse(html);
        String written = HtmlWriter.writeInner(tree);
        assertThat(HtmlParser.parse(written)).isEqualTo(tree);
        assertThat(HtmlWriter.writeInner(HtmlParser.parse(written))).isEqualTo(written);
    }
}
