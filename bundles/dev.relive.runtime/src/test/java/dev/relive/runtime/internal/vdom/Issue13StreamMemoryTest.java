package dev.relive.runtime.internal.vdom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.relive.api.LiveStream;

/** A stream re-sent unchanged goes by key, and only where the browser is known to have the items. */
class Issue13StreamMemoryTest {

    private static final String PAGE = "<table><tbody rl-stream=\"rows\">%s</tbody></table>";

    private final LiveStream<String> rows = LiveStream.create();
    private final StreamMemory memory = new StreamMemory(StreamMemory.DEFAULT_LIMIT);

    private static String row(String key, String text) {
        return "<tr rl-key=\"" + key + "\"><td>" + text + "</td></tr>";
    }

    private StreamItems.Taken mount(String items) {
        StreamItems.Taken taken = StreamItems.take(HtmlParser.parse(PAGE.formatted(items)),
                (child, name) -> rows.takeChanges(), true);
        memory.mounted(taken.containers());
        return taken;
    }

    private String render(String items) {
        return render(items, List.of());
    }

    private String render(String items, List<Patch> diff) {
        StreamItems.Taken taken = StreamItems.take(HtmlParser.parse(PAGE.formatted(items)),
                (child, name) -> rows.takeChanges(), false);
        return PatchJson.toJson(memory.patches(taken.containers(), diff));
    }

    @Test
    void aStreamReSentInANewOrderGoesByKeyAndChangedItemsInFull() {
        rows.append("a").append("b").append("c");
        mount(row("a", "A") + row("b", "B") + row("c", "C"));

        rows.reset().append("c").append("a").append("b").append("d");
        String json = render(row("c", "C") + row("a", "A") + row("b", "B2") + row("d", "D"));

        assertThat(json).isEqualTo("[{\"op\":\"stream\",\"path\":[0,0],\"changes\":[{\"reset\":true},"
                + "{\"at\":-1,\"keys\":[\"c\",\"a\"]},"
                + "{\"at\":-1,\"html\":\"<tr rl-key=\\\"b\\\"><td>B2</td></tr>\"},"
                + "{\"at\":-1,\"html\":\"<tr rl-key=\\\"d\\\"><td>D</td></tr>\"}]}]");

        // what that patch sent is what the browser has now: b's new HTML, d
        rows.reset().append("d").append("b").append("a");
        assertThat(render(row("d", "D") + row("b", "B2") + row("a", "A"))).isEqualTo(
                "[{\"op\":\"stream\",\"path\":[0,0],\"changes\":[{\"reset\":true},{\"at\":-1,\"keys\":[\"d\",\"b\",\"a\"]}]}]");
    }

    @Test
    void movesAtAnIndexMergeWhileTheIndicesFollowEachOther() {
        rows.append("a").append("b").append("c");
        mount(row("a", "A") + row("b", "B") + row("c", "C"));

        rows.reset().insert(0, "b").insert(1, "c").insert(0, "a");
        assertThat(render(row("b", "B") + row("c", "C") + row("a", "A"))).isEqualTo(
                "[{\"op\":\"stream\",\"path\":[0,0],\"changes\":[{\"reset\":true},"
                        + "{\"at\":0,\"keys\":[\"b\",\"c\"]},{\"at\":0,\"keys\":[\"a\"]}]}]");
    }

    @Test
    void anItemDeletedOrRemovedByAResetWithoutBeingSentAgainGoesInFullLater() {
        rows.append("a").append("b");
        mount(row("a", "A") + row("b", "B"));

        rows.delete("a").reset().append("b");
        render(row("b", "B"));
        rows.append("a");
        assertThat(render(row("a", "A"))).contains("\"html\"");
        rows.reset().append("b").append("a");
        assertThat(render(row("b", "B") + row("a", "A"))).contains("\"keys\":[\"b\",\"a\"]");
    }

    @Test
    void aFullRenderOrAContainerGoneMakesEveryItemGoInFull() {
        rows.append("a");
        mount(row("a", "A"));
        memory.clear();
        rows.reset().append("a");
        assertThat(render(row("a", "A"))).contains("\"html\"");

        // a render without the container forgets it: the browser's new container would be empty
        StreamItems.Taken without = StreamItems.take(HtmlParser.parse("<p>no table</p>"),
                (child, name) -> rows.takeChanges(), false);
        memory.patches(without.containers(), List.of());
        rows.append("a");
        assertThat(render(row("a", "A"))).contains("\"html\"");
    }

    @Test
    void aPatchThatPutsMarkupHoldingAContainerForgetsTheItems() {
        rows.append("a");
        mount(row("a", "A"));
        List<Patch> diff = List.of(new Patch.Replace(List.of(0), PAGE.formatted("")));

        rows.reset().append("a");
        assertThat(render(row("a", "A"), diff)).contains("\"html\"");
    }

    @Test
    void aLimitOfZeroSendsEveryItemInFull() {
        StreamMemory none = new StreamMemory(0);
        rows.append("a");
        StreamItems.Taken first = StreamItems.take(HtmlParser.parse(PAGE.formatted(row("a", "A"))),
                (child, name) -> rows.takeChanges(), true);
        none.mounted(first.containers());
        rows.reset().append("a");
        StreamItems.Taken later = StreamItems.take(HtmlParser.parse(PAGE.formatted(row("a", "A"))),
                (child, name) -> rows.takeChanges(), false);
        assertThat(PatchJson.toJson(none.patches(later.containers(), List.of()))).contains("\"html\"")
                .doesNotContain("keys");
    }

    @Test
    void anItemSentTwiceUnchangedInOnePatchGoesInFullOnceThenByKey() {
        rows.append("a");
        render(row("a", "A"));
        rows.append("a");
        assertThat(render(row("a", "A"))).contains("\"keys\":[\"a\"]");
    }
}
