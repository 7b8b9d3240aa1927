package dev.relive.runtime.internal.vdom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PatchApplierTest {

    private static String apply(String from, String patchesJson) {
        return HtmlWriter.writeInner(PatchApplier.apply(PatchJson.fromJson(patchesJson), HtmlParser.parse(from)));
    }

    @Test
    void text() {
        assertThat(apply("<p>a<b>5</b></p>", "[{\"op\":\"text\",\"path\":[0,1,0],\"text\":\"6 & 7\"}]"))
                .isEqualTo("<p>a<b>6 &amp; 7</b></p>");
    }

    @Test
    void attrAndRmattr() {
        assertThat(apply("<p a=1 b=2></p>", "[{\"op\":\"attr\",\"path\":[0],\"name\":\"a\",\"value\":\"x\"},"
                + "{\"op\":\"attr\",\"path\":[0],\"name\":\"c\",\"value\":\"\"},"
                + "{\"op\":\"rmattr\",\"path\":[0],\"name\":\"b\"}]"))
                .isEqualTo("<p a=\"x\" c=\"\"></p>");
    }

    @Test
    void insertAtStartMiddleAndEnd() {
        assertThat(apply("<ul><li>b</li><li>d</li></ul>",
                "[{\"op\":\"insert\",\"path\":[0],\"index\":0,\"html\":\"<li>a</li>\"},"
                        + "{\"op\":\"insert\",\"path\":[0],\"index\":2,\"html\":\"<li>c</li>\"},"
                        + "{\"op\":\"insert\",\"path\":[0],\"index\":4,\"html\":\"<li>e</li>\"}]"))
                .isEqualTo("<ul><li>a</li><li>b</li><li>c</li><li>d</li><li>e</li></ul>");
    }

    @Test
    void insertParsesInTheParentsContext() {
        assertThat(apply("<table><tbody></tbody></table>",
                "[{\"op\":\"insert\",\"path\":[0,0],\"index\":0,\"html\":\"<tr><td>1</td></tr>\"}]"))
                .isEqualTo("<table><tbody><tr><td>1</td></tr></tbody></table>");
        VElement root = PatchApplier.apply(PatchJson.fromJson(
                        "[{\"op\":\"insert\",\"path\":[0],\"index\":0,\"html\":\"<circle r=\\\"2\\\"></circle>\"}]"),
                HtmlParser.parse("<svg></svg>"));
        VElement circle = (VElement) ((VElement) root.children().get(0)).children().get(0);
        assertThat(circle.namespace()).isEqualTo(Namespace.SVG);
    }

    @Test
    void insertTextIntoScriptIsUnescaped() {
        assertThat(apply("<script></script>",
                "[{\"op\":\"insert\",\"path\":[0],\"index\":0,\"html\":\"a &lt; b\"}]"))
                .isEqualTo("<script>a < b</script>");
    }

    @Test
    void removeAndReplace() {
        assertThat(apply("<p>a</p><p>b</p><p>c</p>",
                "[{\"op\":\"remove\",\"path\":[1]},{\"op\":\"replace\",\"path\":[1],\"html\":\"<div>C</div>\"}]"))
                .isEqualTo("<p>a</p><div>C</div>");
    }

    @Test
    void moveTakesOutThenInserts() {
        assertThat(apply("<i>0</i><i>1</i><i>2</i><i>3</i>", "[{\"op\":\"move\",\"path\":[],\"from\":0,\"to\":3}]"))
                .isEqualTo("<i>1</i><i>2</i><i>3</i><i>0</i>");
        assertThat(apply("<i>0</i><i>1</i><i>2</i><i>3</i>", "[{\"op\":\"move\",\"path\":[],\"from\":3,\"to\":1}]"))
                .isEqualTo("<i>0</i><i>3</i><i>1</i><i>2</i>");
    }

    @Test
    void pathsAreResolvedAfterThePatchesBefore() {
        assertThat(apply("<p>a</p><p>b</p>",
                "[{\"op\":\"insert\",\"path\":[],\"index\":0,\"html\":\"<p>new</p>\"},"
                        + "{\"op\":\"text\",\"path\":[1,0],\"text\":\"A\"}]"))
                .isEqualTo("<p>new</p><p>A</p><p>b</p>");
    }

    @Test
    void untouchedSubtreesAreShared() {
        VElement root = HtmlParser.parse("<div><p>a</p></div><div><p>b</p></div>");
        VElement out = PatchApplier.apply(List.of(new Patch.Text(List.of(1, 0, 0), "B")), root);
        assertThat(out.children().get(0)).isSameAs(root.children().get(0));
        assertThat(HtmlWriter.writeInner(root)).isEqualTo("<div><p>a</p></div><div><p>b</p></div>");
    }

    @Test
    void patchesThatDoNotFitAreRefused() {
        VElement root = HtmlParser.parse("<p>a</p>");
        assertThatThrownBy(() -> PatchApplier.apply(List.of(new Patch.Remove(List.of(3))), root))
                .isInstanceOf(PatchException.class);
        assertThatThrownBy(() -> PatchApplier.apply(List.of(new Patch.Remove(List.of())), root))
                .isInstanceOf(PatchException.class);
        assertThatThrownBy(() -> PatchApplier.apply(List.of(new Patch.Text(List.of(0), "x")), root))
                .isInstanceOf(PatchException.class);
        assertThatThrownBy(() -> PatchApplier.apply(List.of(new Patch.Attr(List.of(0, 0), "a", "b")), root))
                .isInstanceOf(PatchException.class);
        assertThatThrownBy(() -> PatchApplier.apply(List.of(new Patch.Insert(List.of(0), 2, "<b></b>")), root))
                .isInstanceOf(PatchException.class);
        assertThatThrownBy(() -> PatchApplier.apply(List.of(new Patch.Insert(List.of(0), 0, "<b></b><i></i>")), root))
                .isInstanceOf(PatchException.class);
        assertThatThrownBy(() -> PatchApplier.apply(List.of(new Patch.Move(List.of(), 0, 1)), root))
                .isInstanceOf(PatchException.class);
    }
}
