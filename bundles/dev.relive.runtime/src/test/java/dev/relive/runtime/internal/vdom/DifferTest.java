package dev.relive.runtime.internal.vdom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DifferTest {

    /** Diffs, checks that the patches turn {@code from} into {@code to}, returns them as JSON. */
    private static String diff(String from, String to) {
        VElement a = HtmlParser.parse(from);
        VElement b = HtmlParser.parse(to);
        List<Patch> patches = Differ.diff(a, b);
        assertThat(PatchApplier.apply(patches, a)).isEqualTo(b);
        return PatchJson.toJson(patches);
    }

    private static String keyedList(int... keys) {
        return "<ul>" + IntStream.of(keys).mapToObj(k -> "<li rl-key=\"" + k + "\">" + k + "</li>")
                .collect(Collectors.joining()) + "</ul>";
    }

    private static long count(String json, String op) {
        return PatchJson.fromJson(json).stream().filter(p -> p.op().equals(op)).count();
    }

    @Test
    void equalTreesGiveNoPatches() {
        assertThat(diff("<p a=1>x</p>", "<p a=1>x</p>")).isEqualTo("[]");
    }

    @Test
    void textChange() {
        assertThat(diff("<h1>Counter</h1><p>Count: <b>5</b></p>", "<h1>Counter</h1><p>Count: <b>6</b></p>"))
                .isEqualTo("[{\"op\":\"text\",\"path\":[1,1,0],\"text\":\"6\"}]");
    }

    @Test
    void attributeSetAndRemove() {
        assertThat(diff("<p class=a title=t id=x>x</p>", "<p class=b id=x data-n=1>x</p>"))
                .isEqualTo("[{\"op\":\"attr\",\"path\":[0],\"name\":\"class\",\"value\":\"b\"},"
                        + "{\"op\":\"attr\",\"path\":[0],\"name\":\"data-n\",\"value\":\"1\"},"
                        + "{\"op\":\"rmattr\",\"path\":[0],\"name\":\"title\"}]");
    }

    @Test
    void attributeOrderAloneIsNoChange() {
        assertThat(diff("<p a=1 b=2></p>", "<p b=2 a=1></p>")).isEqualTo("[]");
    }

    @Test
    void unkeyedAppend() {
        assertThat(diff("<ul><li>a</li></ul>", "<ul><li>a</li><li>b</li></ul>"))
                .isEqualTo("[{\"op\":\"insert\",\"path\":[0],\"index\":1,\"html\":\"<li>b</li>\"}]");
    }

    @Test
    void unkeyedRemoveAtEnd() {
        assertThat(diff("<ul><li>a</li><li>b</li><li>c</li></ul>", "<ul><li>a</li></ul>"))
                .isEqualTo("[{\"op\":\"remove\",\"path\":[0,2]},{\"op\":\"remove\",\"path\":[0,1]}]");
    }

    @Test
    void keyedInsertAtStartMiddleEnd() {
        assertThat(diff(keyedList(2, 4), keyedList(1, 2, 3, 4, 5)))
                .isEqualTo("[{\"op\":\"insert\",\"path\":[0],\"index\":0,\"html\":\"<li rl-key=\\\"1\\\">1</li>\"},"
                        + "{\"op\":\"insert\",\"path\":[0],\"index\":2,\"html\":\"<li rl-key=\\\"3\\\">3</li>\"},"
                        + "{\"op\":\"insert\",\"path\":[0],\"index\":4,\"html\":\"<li rl-key=\\\"5\\\">5</li>\"}]");
    }

    @Test
    void keyedRemovalsGoFromTheHighestIndexDown() {
        assertThat(diff(keyedList(1, 2, 3, 4, 5), keyedList(2, 4)))
                .isEqualTo("[{\"op\":\"remove\",\"path\":[0,4]},{\"op\":\"remove\",\"path\":[0,2]},"
                        + "{\"op\":\"remove\",\"path\":[0,0]}]");
    }

    @Test
    void keyedMoveOfOneRowIsOneMove() {
        assertThat(diff(keyedList(1, 2, 3, 4, 5), keyedList(2, 3, 4, 5, 1)))
                .isEqualTo("[{\"op\":\"move\",\"path\":[0],\"from\":0,\"to\":4}]");
        assertThat(diff(keyedList(1, 2, 3, 4, 5), keyedList(5, 1, 2, 3, 4)))
                .isEqualTo("[{\"op\":\"move\",\"path\":[0],\"from\":4,\"to\":0}]");
        assertThat(diff(keyedList(1, 2, 3, 4, 5), keyedList(1, 4, 2, 3, 5)))
                .isEqualTo("[{\"op\":\"move\",\"path\":[0],\"from\":3,\"to\":1}]");
    }

    @Test
    void reversalNeedsNMinusOneMoves() {
        String json = diff(keyedList(1, 2, 3, 4, 5), keyedList(5, 4, 3, 2, 1));
        assertThat(count(json, "move")).isEqualTo(4);
        assertThat(json).isEqualTo("[{\"op\":\"move\",\"path\":[0],\"from\":4,\"to\":0},"
                + "{\"op\":\"move\",\"path\":[0],\"from\":4,\"to\":1},"
                + "{\"op\":\"move\",\"path\":[0],\"from\":4,\"to\":2},"
                + "{\"op\":\"move\",\"path\":[0],\"from\":4,\"to\":3}]");
    }

    @Test
    void reversalOfAThousandRowsNeedsNineHundredNinetyNineMoves() {
        int[] keys = IntStream.range(0, 1000).toArray();
        int[] reversed = IntStream.range(0, 1000).map(i -> 999 - i).toArray();
        assertThat(count(diff(keyedList(keys), keyedList(reversed)), "move")).isEqualTo(999);
    }

    @Test
    void reversalWithWhitespaceBetweenRows() {
        String from = "<ul>\n <li rl-key=a>a</li>\n <li rl-key=b>b</li>\n <li rl-key=c>c</li>\n</ul>";
        String to = "<ul>\n <li rl-key=c>c</li>\n <li rl-key=b>b</li>\n <li rl-key=a>a</li>\n</ul>";
        assertThat(count(diff(from, to), "move")).isEqualTo(2);
    }

    @Test
    void rowMovedWithTheWhitespaceBeforeItTakesTwoMoves() {
        String from = "<ul>\n <li rl-key=a>a</li>\n <li rl-key=b>b</li>\n <li rl-key=c>c</li>\n</ul>";
        String to = "<ul>\n <li rl-key=b>b</li>\n <li rl-key=c>c</li>\n <li rl-key=a>a</li>\n</ul>";
        String json = diff(from, to);
        assertThat(count(json, "move")).isEqualTo(2);
        assertThat(PatchJson.fromJson(json)).hasSize(2);
    }

    @Test
    void reversalOfAThousandRowsWithWhitespaceBetweenNeedsAThousandMoves() {
        // With a whitespace node between rows, swapping two rows takes two moves: an even number of rows
        // cannot be reversed in fewer than n moves.
        StringBuilder from = new StringBuilder("<table>\n<tbody>");
        StringBuilder to = new StringBuilder("<table>\n<tbody>");
        for (int i = 0; i < 1000; i++) {
            from.append("\n  <tr rl-key=\"").append(i).append("\"><td>").append(i).append("</td></tr>");
            to.append("\n  <tr rl-key=\"").append(999 - i).append("\"><td>").append(999 - i).append("</td></tr>");
        }
        String json = diff(from.append("\n</tbody></table>").toString(), to.append("\n</tbody></table>").toString());
        assertThat(count(json, "move")).isEqualTo(1000);
        assertThat(PatchJson.fromJson(json)).hasSize(1000);
    }

    @Test
    void keyedMixOfInsertRemoveMoveAndChange() {
        String json = diff("<ul><li rl-key=a>a</li><li rl-key=b>b</li><li rl-key=c>c</li><li rl-key=d>d</li></ul>",
                "<ul><li rl-key=d>d</li><li rl-key=e>e</li><li rl-key=a>A</li><li rl-key=c>c</li></ul>");
        assertThat(json).isEqualTo("[{\"op\":\"remove\",\"path\":[0,1]},"
                + "{\"op\":\"move\",\"path\":[0],\"from\":2,\"to\":0},"
                + "{\"op\":\"insert\",\"path\":[0],\"index\":1,\"html\":\"<li rl-key=\\\"e\\\">e</li>\"},"
                + "{\"op\":\"text\",\"path\":[0,2,0],\"text\":\"A\"}]");
    }

    @Test
    void replaceWhenTheTagChanges() {
        assertThat(diff("<p>x</p>", "<section>x</section>"))
                .isEqualTo("[{\"op\":\"replace\",\"path\":[0],\"html\":\"<section>x</section>\"}]");
    }

    @Test
    void replaceBetweenTextAndElement() {
        assertThat(diff("<p>x</p>", "<p><b>x</b></p>"))
                .isEqualTo("[{\"op\":\"replace\",\"path\":[0,0],\"html\":\"<b>x</b>\"}]");
        assertThat(diff("<p><b>x</b></p>", "<p>x &amp; y</p>"))
                .isEqualTo("[{\"op\":\"replace\",\"path\":[0,0],\"html\":\"x &amp; y\"}]");
    }

    @Test
    void sameKeyDifferentTagIsReplaced() {
        assertThat(diff("<div rl-key=a>x</div>", "<p rl-key=a>x</p>"))
                .isEqualTo("[{\"op\":\"replace\",\"path\":[0],\"html\":\"<p rl-key=\\\"a\\\">x</p>\"}]");
    }

    @Test
    void patchOrderIsAttributesThenStructureThenChildren() {
        String json = diff("<ul class=a><li rl-key=1 class=x>1</li><li rl-key=2>2</li></ul>",
                "<ul class=b><li rl-key=2>two</li><li rl-key=1 class=y>1</li><li rl-key=3>3</li></ul>");
        assertThat(PatchJson.fromJson(json)).extracting(Patch::op)
                .containsExactly("attr", "move", "insert", "text", "attr");
        assertThat(json).contains("{\"op\":\"text\",\"path\":[0,0,0],\"text\":\"two\"}",
                "{\"op\":\"attr\",\"path\":[0,1],\"name\":\"class\",\"value\":\"y\"}");
    }

    @Test
    void duplicateKeysAreMatchedAsUnkeyed() {
        // the second "a" is unkeyed: it pairs with the unkeyed <li>3</li> by order
        assertThat(diff("<ul><li rl-key=a>1</li><li rl-key=a>2</li><li>3</li><li rl-key=b>4</li></ul>",
                "<ul><li rl-key=b>4</li><li rl-key=a>1</li><li>3</li><li rl-key=a>2</li></ul>"))
                .isEqualTo("[{\"op\":\"move\",\"path\":[0],\"from\":3,\"to\":0},"
                        + "{\"op\":\"rmattr\",\"path\":[0,2],\"name\":\"rl-key\"},"
                        + "{\"op\":\"text\",\"path\":[0,2,0],\"text\":\"3\"},"
                        + "{\"op\":\"attr\",\"path\":[0,3],\"name\":\"rl-key\",\"value\":\"a\"},"
                        + "{\"op\":\"text\",\"path\":[0,3,0],\"text\":\"2\"}]");
    }

    @Test
    void unkeyedChildrenPairByPositionKeyedOnesByKey() {
        assertThat(diff("<p>a</p><p>b</p>", "<p>new</p><p>a</p><p>b</p>"))
                .isEqualTo("[{\"op\":\"insert\",\"path\":[],\"index\":2,\"html\":\"<p>b</p>\"},"
                        + "{\"op\":\"text\",\"path\":[0,0],\"text\":\"new\"},"
                        + "{\"op\":\"text\",\"path\":[1,0],\"text\":\"a\"}]");
        assertThat(diff("<p rl-key=a>a</p><p rl-key=b>b</p>", "<p rl-key=n>new</p><p rl-key=a>a</p><p rl-key=b>b</p>"))
                .isEqualTo("[{\"op\":\"insert\",\"path\":[],\"index\":0,\"html\":\"<p rl-key=\\\"n\\\">new</p>\"}]");
    }

    @Test
    void changedTemplateIsReplacedWhole() {
        assertThat(diff("<template><p>a</p></template>", "<template><p>b</p></template>"))
                .isEqualTo("[{\"op\":\"replace\",\"path\":[0],\"html\":\"<template><p>b</p></template>\"}]");
        assertThat(diff("<template id=a><p>a</p></template>", "<template id=b><p>a</p></template>"))
                .isEqualTo("[{\"op\":\"attr\",\"path\":[0],\"name\":\"id\",\"value\":\"b\"}]");
    }

    @Test
    void anAttributeNameSetAttributeMayRefuseReplacesTheElement() {
        assertThat(diff("<p a\"b=1>x</p>", "<p a\"b=2>x</p>"))
                .isEqualTo("[{\"op\":\"replace\",\"path\":[0],\"html\":\"<p a\\\"b=\\\"2\\\">x</p>\"}]");
    }

    @Test
    void formControls() {
        String json = diff("<input name=a value=x><input type=checkbox checked><select><option selected>1<option>2</select>",
                "<input name=a value=y><input type=checkbox><select><option>1<option selected>2</select>");
        assertThat(json).isEqualTo("[{\"op\":\"attr\",\"path\":[0],\"name\":\"value\",\"value\":\"y\"},"
                + "{\"op\":\"rmattr\",\"path\":[1],\"name\":\"checked\"},"
                + "{\"op\":\"rmattr\",\"path\":[2,0],\"name\":\"selected\"},"
                + "{\"op\":\"attr\",\"path\":[2,1],\"name\":\"selected\",\"value\":\"\"}]");
    }

    @Test
    void tableRows() {
        String json = diff("<table><tr rl-key=1><td>1</td></tr><tr rl-key=2><td>2</td></tr></table>",
                "<table><tr rl-key=2><td>2</td></tr><tr rl-key=3><td>3</td></tr></table>");
        assertThat(json).isEqualTo("[{\"op\":\"remove\",\"path\":[0,0,0]},"
                + "{\"op\":\"insert\",\"path\":[0,0],\"index\":1,\"html\":\"<tr rl-key=\\\"3\\\"><td>3</td></tr>\"}]");
    }

    @Test
    void rootAttributesArePatchedAtTheEmptyPath() {
        VElement a = VElement.of("div", java.util.Map.of("x", "1"));
        VElement b = VElement.of("div", java.util.Map.of("x", "2"));
        assertThat(PatchJson.toJson(Differ.diff(a, b)))
                .isEqualTo("[{\"op\":\"attr\",\"path\":[],\"name\":\"x\",\"value\":\"2\"}]");
    }

    @Test
    void rootsMustHaveTheSameTag() {
        assertThatThrownBy(() -> Differ.diff(VElement.of("div"), VElement.of("span")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fromEmptyAndToEmpty() {
        assertThat(diff("", "<p>a</p>b"))
                .isEqualTo("[{\"op\":\"insert\",\"path\":[],\"index\":0,\"html\":\"<p>a</p>\"},"
                        + "{\"op\":\"insert\",\"path\":[],\"index\":1,\"html\":\"b\"}]");
        assertThat(diff("<p>a</p>b", ""))
                .isEqualTo("[{\"op\":\"remove\",\"path\":[1]},{\"op\":\"remove\",\"path\":[0]}]");
    }

    @Test
    void movedRowThatAlsoChangedGetsItsPatchesAtItsFinalIndex() {
        String json = diff(keyedList(1, 2, 3), "<ul><li rl-key=3>three</li><li rl-key=1>1</li><li rl-key=2>2</li></ul>");
        assertThat(json).isEqualTo("[{\"op\":\"move\",\"path\":[0],\"from\":2,\"to\":0},"
                + "{\"op\":\"text\",\"path\":[0,0,0],\"text\":\"three\"}]");
    }
}
