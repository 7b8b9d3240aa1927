package dev.relive.runtime.internal.vdom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlParserTest {

    private static VText t(String s) {
        return VText.of(s);
    }

    @Test
    void rootIsADivHoldingTheFragment() {
        VElement root = HtmlParser.parse("<h1>Counter</h1><p>Count: <b>5</b></p>");
        assertThat(root).isEqualTo(VElement.of("div",
                VElement.of("h1", t("Counter")),
                VElement.of("p", t("Count: "), VElement.of("b", t("5")))));
    }

    @Test
    void emptyInputGivesAnEmptyRoot() {
        assertThat(HtmlParser.parse("").children()).isEmpty();
    }

    @Test
    void tablesGetTheirImplicitTbody() {
        VElement root = HtmlParser.parse("<table><tr rl-key=\"a\"><td>1</td></tr></table>");
        assertThat(root.children()).containsExactly(VElement.of("table",
                VElement.of("tbody",
                        VElement.of("tr", Map.of("rl-key", "a"), VElement.of("td", t("1"))))));
    }

    @Test
    void whitespaceTextNodesAreKeptExactly() {
        VElement root = HtmlParser.parse("\n  <ul>\n    <li>a</li>\n  </ul>\n");
        assertThat(root.children()).containsExactly(
                t("\n  "),
                VElement.of("ul", t("\n    "), VElement.of("li", t("a")), t("\n  ")),
                t("\n"));
    }

    @Test
    void whitespaceInsideTablesIsKept() {
        VElement table = (VElement) HtmlParser.parse("<table> <tr> <td>1</td> </tr> </table>").children().get(0);
        assertThat(table.children()).hasSize(2);
        assertThat(table.children().get(0)).isEqualTo(t(" "));
        VElement tbody = (VElement) table.children().get(1);
        assertThat(tbody.children()).hasSize(2); // the tr and the trailing " "
    }

    @Test
    void entitiesAreDecoded() {
        VElement root = HtmlParser.parse("<p title=\"a &amp; &quot;b&quot;\">&lt;x&gt; &amp; &nbsp;&copy;&#x41;&#66;</p>");
        VElement p = (VElement) root.children().get(0);
        assertThat(p.attribute("title")).isEqualTo("a & \"b\"");
        assertThat(p.children()).containsExactly(t("<x> & \u00a0\u00a9AB"));
    }

    @Test
    void voidElementsHaveNoChildren() {
        VElement root = HtmlParser.parse("<p>a<br>b<img src=x.png alt=\"\"><input type=checkbox checked>c</p>");
        VElement p = (VElement) root.children().get(0);
        assertThat(p.children()).containsExactly(
                t("a"), VElement.of("br"), t("b"),
                VElement.of("img", Map.of("src", "x.png", "alt", "")),
                VElement.of("input", Map.of("type", "checkbox", "checked", "")),
                t("c"));
    }

    @Test
    void tagAndAttributeNamesAreLowerCasedAndAttributeOrderKept() {
        VElement div = (VElement) HtmlParser.parse("<DIV Z=1 A=2 M=3></DIV>").children().get(0);
        assertThat(div.tag()).isEqualTo("div");
        assertThat(List.copyOf(div.attributes().keySet())).containsExactly("z", "a", "m");
    }

    @Test
    void duplicateAttributesKeepTheFirst() {
        VElement div = (VElement) HtmlParser.parse("<div a=1 a=2></div>").children().get(0);
        assertThat(div.attributes()).containsExactly(Map.entry("a", "1"));
    }

    @Test
    void commentsAreDroppedAndTheTextAroundThemMerged() {
        VElement root = HtmlParser.parse("a<!-- x -->b<p><!--only--></p>");
        assertThat(root.children()).containsExactly(t("ab"), VElement.of("p"));
    }

    @Test
    void scriptAndStyleContentsBecomeText() {
        VElement root = HtmlParser.parse("<script>if (a < b && c) {}</script><style>p > a { }</style>");
        assertThat(root.children()).containsExactly(
                VElement.of("script", t("if (a < b && c) {}")),
                VElement.of("style", t("p > a { }")));
    }

    @Test
    void noscriptContentIsRawTextAsInBrowsersWithScripting() {
        VElement root = HtmlParser.parse("<noscript><p>Enable <b>JavaScript</b> &amp; reload</p></noscript>");
        assertThat(root.children()).containsExactly(
                VElement.of("noscript", t("<p>Enable <b>JavaScript</b> &amp; reload</p>")));
        assertThat(HtmlWriter.writeInner(root)).isEqualTo("<noscript><p>Enable <b>JavaScript</b> &amp; reload</p></noscript>");
    }

    @Test
    void svgScriptContentIsMarkupNotRawText() {
        VElement svg = (VElement) HtmlParser.parse("<svg><script>a &lt; b</script></svg>").children().get(0);
        VElement script = (VElement) svg.children().get(0);
        assertThat(script.namespace()).isEqualTo(Namespace.SVG);
        assertThat(script.children()).containsExactly(t("a < b"));
    }

    @Test
    void carriageReturnsBecomeLineFeeds() {
        assertThat(HtmlParser.parse("a\r\nb\rc").children()).containsExactly(t("a\nb\nc"));
    }

    @Test
    void theFirstLineFeedOfPreIsDropped() {
        VElement pre = (VElement) HtmlParser.parse("<pre>\n\nx</pre>").children().get(0);
        assertThat(pre.children()).containsExactly(t("\nx"));
    }

    @Test
    void fosterParentedTextIsMergedBeforeTheTable() {
        VElement root = HtmlParser.parse("x<table>y<tr>z</table>");
        assertThat(root.children()).hasSize(2);
        assertThat(root.children().get(0)).isEqualTo(t("xyz"));
    }

    @Test
    void svgElementsKeepTheirNamespaceAndAttributeCase() {
        VElement svg = (VElement) HtmlParser.parse("<svg viewBox=\"0 0 10 10\"><linearGradient/><circle r=1 /></svg>")
                .children().get(0);
        assertThat(svg.namespace()).isEqualTo(Namespace.SVG);
        assertThat(svg.attributes()).containsKey("viewBox");
        VElement gradient = (VElement) svg.children().get(0);
        assertThat(gradient.tag()).isEqualTo("lineargradient");
        assertThat(gradient.namespace()).isEqualTo(Namespace.SVG);
    }

    @Test
    void treesThatWouldNotSurviveSerializationAreCanonicalized() {
        // The parser nests the second form inside the first; reparsing the serialization drops it.
        String html = "<form id=a><div></form><form id=b>x</form>";
        VElement root = HtmlParser.parse(html);
        assertThat(HtmlParser.parse(HtmlWriter.writeInner(root))).isEqualTo(root);
    }

    @Test
    void keyIsTheRlKeyAttribute() {
        VElement li = (VElement) HtmlParser.parse("<li rl-key=\"7\">x</li>").children().get(0);
        assertThat(li.key()).isEqualTo("7");
    }

    @Test
    void parseNodeUsesTheParentAsContext() {
        VElement tbody = VElement.of("tbody");
        assertThat(HtmlParser.parseNode("<tr><td>1</td></tr>", tbody))
                .isEqualTo(VElement.of("tr", VElement.of("td", t("1"))));
        VElement svg = new VElement("svg", Namespace.SVG, Map.of(), List.of());
        VElement circle = (VElement) HtmlParser.parseNode("<circle r=\"1\"></circle>", svg);
        assertThat(circle.namespace()).isEqualTo(Namespace.SVG);
        assertThat(HtmlParser.parseNode("a &lt; b", VElement.of("script"))).isEqualTo(t("a < b"));
        assertThatThrownBy(() -> HtmlParser.parseNode("<b></b><i></i>", VElement.of("div")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
