package dev.relive.runtime.internal.vdom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.relive.api.LiveStream;

class StreamItemsTest {

    private static final String PAGE = "<h1>People</h1><table><tbody rl-stream=\"rows\">%s</tbody></table><p>end</p>";

    @Test
    void renderedItemsBecomeOneStreamPatchAndLeaveTheKeptTreeEmpty() {
        LiveStream<String> rows = LiveStream.create();
        rows.append("a").prepend("b").delete("c");
        VElement tree = HtmlParser.parse(PAGE.formatted(
                "<tr rl-key=\"a\"><td>a</td></tr><tr rl-key=\"b\"><td>b</td></tr>"));

        StreamItems.Taken taken = StreamItems.take(tree, (child, name) -> rows.takeChanges(), false);

        assertThat(HtmlWriter.writeInner(taken.kept()))
                .isEqualTo(PAGE.formatted(""));
        assertThat(PatchJson.toJson(taken.patches())).isEqualTo("[{\"op\":\"stream\",\"path\":[1,0],\"changes\":["
                + "{\"at\":-1,\"html\":\"<tr rl-key=\\\"a\\\"><td>a</td></tr>\"},"
                + "{\"at\":0,\"html\":\"<tr rl-key=\\\"b\\\"><td>b</td></tr>\"},"
                + "{\"delete\":\"c\"}]}]");
        assertThat(rows.takeChanges()).isEmpty();
    }

    @Test
    void aFirstRenderPutsTheItemsInTheOrderOfTheChanges() {
        LiveStream<String> rows = LiveStream.create();
        rows.append("a").append("b").prepend("c").append("a").delete("b");
        VElement tree = HtmlParser.parse(PAGE.formatted(
                "<tr rl-key=\"a\"><td>1</td></tr><tr rl-key=\"b\"></tr><tr rl-key=\"c\"></tr><tr rl-key=\"a\"><td>2</td></tr>"));

        StreamItems.Taken taken = StreamItems.take(tree, (child, name) -> rows.takeChanges(), true);

        assertThat(HtmlWriter.writeInner(taken.first())).isEqualTo(PAGE.formatted(
                "<tr rl-key=\"c\"></tr><tr rl-key=\"a\"><td>2</td></tr>"));
        assertThat(taken.patches()).isEmpty();
        assertThat(HtmlWriter.writeInner(taken.kept())).isEqualTo(PAGE.formatted(""));
    }

    @Test
    void aFirstRenderPutsAKeyDeletedAndInsertedAgainWhereItsLastInsertSays() {
        LiveStream<String> rows = LiveStream.create();
        rows.append("a").append("b").delete("a").append("c").prepend("a").append("b");
        VElement tree = HtmlParser.parse(PAGE.formatted("<tr rl-key=\"a\"></tr><tr rl-key=\"b\"></tr>"
                + "<tr rl-key=\"c\"></tr><tr rl-key=\"a\"><td>2</td></tr><tr rl-key=\"b\"><td>2</td></tr>"));

        StreamItems.Taken taken = StreamItems.take(tree, (child, name) -> rows.takeChanges(), true);

        assertThat(HtmlWriter.writeInner(taken.first())).isEqualTo(PAGE.formatted(
                "<tr rl-key=\"a\"><td>2</td></tr><tr rl-key=\"b\"><td>2</td></tr><tr rl-key=\"c\"></tr>"));
    }

    @Test
    void aResetComesFirstAndContainersOfChildViewsAskTheirView() {
        LiveStream<String> rows = LiveStream.create();
        rows.append("x").reset().append("y");
        VElement tree = HtmlParser.parse("<div rl-child=\"side\"><ul rl-stream=\"items\"><li rl-key=\"y\">y</li></ul></div>");
        String[] asked = new String[2];

        StreamItems.Taken taken = StreamItems.take(tree, (child, name) -> {
            asked[0] = child;
            asked[1] = name;
            return rows.takeChanges();
        }, false);

        assertThat(asked).containsExactly("side", "items");
        assertThat(PatchJson.toJson(taken.patches())).isEqualTo("[{\"op\":\"stream\",\"path\":[0,0],\"changes\":["
                + "{\"reset\":true},{\"at\":-1,\"html\":\"<li rl-key=\\\"y\\\">y</li>\"}]}]");
    }

    @Test
    void aTreeWithoutContainersIsKeptAsItIs() {
        VElement tree = HtmlParser.parse("<p>a</p><ul><li>b</li></ul>");
        StreamItems.Taken taken = StreamItems.take(tree, (child, name) -> List.of(), false);
        assertThat(taken.kept()).isSameAs(tree);
        assertThat(taken.patches()).isEmpty();
    }

    @Test
    void itemsMustMatchTheInsertsAndCarryKeys() {
        LiveStream<String> rows = LiveStream.create();
        VElement two = HtmlParser.parse(PAGE.formatted("<tr rl-key=\"a\"></tr><tr rl-key=\"b\"></tr>"));
        rows.append("a");
        assertThatThrownBy(() -> StreamItems.take(two, (child, name) -> rows.takeChanges(), false))
                .hasMessageContaining("rendered 2 items for 1 inserted");
        VElement unkeyed = HtmlParser.parse(PAGE.formatted("<tr></tr>"));
        rows.append("a");
        assertThatThrownBy(() -> StreamItems.take(unkeyed, (child, name) -> rows.takeChanges(), false))
                .hasMessageContaining("has no rl-key");
    }
}
