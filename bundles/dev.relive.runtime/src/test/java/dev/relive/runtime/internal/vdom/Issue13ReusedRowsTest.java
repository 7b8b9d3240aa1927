package dev.relive.runtime.internal.vdom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * A session's parse takes the keyed elements of its last tree whose markup did not change, instead of parsing them
 * again: the tree is equal to a fresh parse's, the diff's patches are the same, and the last tree is never written.
 */
class Issue13ReusedRowsTest {

    private static String table(List<Integer> ids, int changed) {
        StringBuilder sb = new StringBuilder("<h1>Rows</h1><table><tbody>");
        for (int id : ids) {
            sb.append("\n  <tr rl-key=\"row-").append(id).append("\"><td>").append(id).append("</td><td>")
                    .append(id == changed ? "changed &amp; new " : "label ").append(id).append("</td></tr>");
        }
        return sb.append("\n</tbody></table>").toString();
    }

    private static List<Integer> ids(int n) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(i);
        }
        return ids;
    }

    @Test
    void unchangedRowsAreTakenAsTheyAreAndTheChangedOneIsParsed() {
        VElement last = HtmlParser.parseReusing(table(ids(20), -1), null, true).root();
        String html = table(ids(20), 7);

        HtmlParser.Reparsed next = HtmlParser.parseReusing(html, last, false);

        assertThat(next.root()).isEqualTo(HtmlParser.parse(html));
        assertThat(next.taken()).hasSize(19);
        VNode[] oldRows = body(last).childArray();
        VNode[] newRows = body(next.root()).childArray();
        for (int i = 0; i < newRows.length; i++) {
            if (newRows[i] instanceof VElement row && !"row-7".equals(row.key())) {
                assertThat(row).as("row %s", row.key()).isSameAs(oldRows[i]);
            }
        }
        assertThat(Differ.diffSharing(last, next)).isEqualTo(Differ.diff(last, HtmlParser.parse(html))).hasSize(1);
    }

    @Test
    void movedAndRemovedRowsAreTakenWhereTheyAreNow() {
        VElement last = HtmlParser.parseReusing(table(ids(10), -1), null, true).root();
        List<Integer> order = new ArrayList<>(List.of(9, 0, 1, 2, 4, 5, 6, 7, 8, 10));
        String html = table(order, -1);

        HtmlParser.Reparsed next = HtmlParser.parseReusing(html, last, false);

        assertThat(next.root()).isEqualTo(HtmlParser.parse(html));
        assertThat(next.taken()).hasSize(9); // row 10 is new
        assertThat(PatchApplier.apply(Differ.diffSharing(last, next), last)).isEqualTo(next.root());
    }

    @Test
    void markupReadInAnotherContextIsParsedAgain() {
        // the same keyed markup, now inside an <a>: its own <a> would end the outer one, which this parser leaves
        // to jsoup, so taking the old element would give another tree than a browser's
        String row = "<div rl-key=\"k\"><a href=\"/x\">x</a></div>";
        VElement last = HtmlParser.parseReusing("<section>" + row + "</section>", null, true).root();
        String html = "<a href=\"/y\">" + row + "</a>";

        HtmlParser.Reparsed next = HtmlParser.parseReusing(html, last, false);

        assertThat(next.taken()).isEmpty();
        assertThat(next.root()).isEqualTo(HtmlParser.parse(html));
    }

    @Test
    void aKeyedElementChangedInsideOrAroundItsKeyIsParsedAgain() {
        VElement last = HtmlParser.parseReusing("<ul><li rl-key=\"a\" class=\"x\">one</li></ul>", null, true).root();
        for (String html : List.of("<ul><li rl-key=\"a\" class=\"y\">one</li></ul>",
                "<ul><li rl-key=\"a\" class=\"x\">one!</li></ul>", "<ol><li rl-key=\"a\" class=\"x\">one</li></ol>",
                "<ul><li rl-key=\"a\"  class=\"x\">one</li></ul>")) {
            HtmlParser.Reparsed next = HtmlParser.parseReusing(html, last, false);
            assertThat(next.root()).as(html).isEqualTo(HtmlParser.parse(html));
            if (html.startsWith("<ol>")) {
                assertThat(next.taken()).as("the same markup in another list: taken").hasSize(1);
            } else {
                assertThat(next.taken()).as(html).isEmpty();
            }
        }
    }

    @Test
    void anElementTakenToAnotherPlaceIsDiffedWithoutBeingWrittenTo() {
        // the same key in two lists: the first list's row moves to the second, where an old row of that key stood
        VElement last = HtmlParser.parseReusing("<ul><li rl-key=\"k\"><b>a</b></li></ul>"
                + "<ol><li rl-key=\"k\"><b>b</b></li></ol>", null, false).root(); // unshared: a write would show
        Map<Object, Object[]> arrays = snapshot(last, new IdentityHashMap<>());
        String html = "<ul><li rl-key=\"x\"><b>c</b></li></ul><ol><li rl-key=\"k\"><b>a</b></li></ol>";

        HtmlParser.Reparsed next = HtmlParser.parseReusing(html, last, false);

        assertThat(next.taken()).hasSize(1);
        List<Patch> patches = Differ.diffSharing(last, next);
        assertThat(patches).isEqualTo(Differ.diff(last, HtmlParser.parse(html)));
        assertThat(PatchApplier.apply(patches, last)).isEqualTo(HtmlParser.parse(html));
        assertUntouched(last, arrays);
    }

    /**
     * Random edits of a page of keyed rows, some nested, some holding inputs and entities, some in other contexts,
     * three renders in a row as a session makes them (each parse reusing the tree the last diff left).
     */
    @Test
    void randomEditsGiveTheFreshParsesTreeAndPatchesAndLeaveTheLastTreeUntouched() {
        Random random = new Random(13);
        int taken = 0;
        for (int round = 0; round < 300; round++) {
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                rows.add(row(random, i));
            }
            VElement last = HtmlParser.parseReusing(page(random, rows), null, random.nextBoolean()).root();
            for (int render = 0; render < 3; render++) {
                Map<Object, Object[]> arrays = snapshot(last, new IdentityHashMap<>());
                edit(random, rows, round);
                String after = page(random, rows);
                VElement fresh = HtmlParser.parse(after);

                HtmlParser.Reparsed next = HtmlParser.parseReusing(after, last, false);

                assertThat(next.root()).as("round %d: %s", round, after).isEqualTo(fresh);
                List<Patch> patches = Differ.diffSharing(last, next);
                assertThat(patches).as("round %d", round).isEqualTo(Differ.diff(last, fresh));
                assertThat(PatchApplier.apply(patches, last)).as("round %d", round).isEqualTo(fresh);
                assertUntouched(last, arrays);
                taken += next.taken().size();
                last = next.root();
            }
        }
        assertThat(taken).as("rows taken over all renders").isGreaterThan(1000);
    }

    private static void edit(Random random, List<String> rows, int round) {
        for (int edit = random.nextInt(4); edit >= 0 && !rows.isEmpty(); edit--) {
            int i = random.nextInt(rows.size());
            switch (random.nextInt(5)) {
                case 0 -> rows.set(i, row(random, i));
                case 1 -> {
                    String moved = rows.remove(i);
                    rows.add(random.nextInt(rows.size() + 1), moved);
                }
                case 2 -> rows.remove(i);
                case 3 -> rows.add(i, row(random, 100 + round));
                default -> rows.set(i, rows.get(i).replace("<span>", "<span class=\"c\">"));
            }
        }
    }

    private static String row(Random random, int id) {
        String inner = switch (random.nextInt(4)) {
            case 0 -> "<span>label " + id + "</span>";
            case 1 -> "<input name=\"n" + id + "\" value=\"v &amp; " + random.nextInt(3) + "\">";
            case 2 -> "<div rl-key=\"inner-" + id + "\"><p>nested " + random.nextInt(3) + "</p></div>";
            default -> "<a href=\"/r/" + id + "\">link</a>";
        };
        return "<li rl-key=\"r" + id + "\">" + inner + "</li>";
    }

    private static String page(Random random, List<String> rows) {
        String list = "<ul>" + String.join("\n", rows) + "</ul>";
        return switch (random.nextInt(7)) {
            case 0 -> "<div>" + list + "</div>";
            case 1 -> "<p>intro</p>" + list;
            case 2 -> "<a href=\"/wrap\">" + list + "</a>"; // rows holding an <a> go to jsoup
            case 3 -> "<p>intro <button>" + list + "</button></p>"; // a <p> open, out of the button's scope
            case 4 -> "<dl><dd>" + list + "</dd></dl>";
            case 5 -> "<h2>" + list + "</h2>";
            default -> "<form>" + list + "</form>";
        };
    }

    private static Map<Object, Object[]> snapshot(VElement e, Map<Object, Object[]> into) {
        into.put(e.attributeArray(), e.attributeArray().clone());
        into.put(e.childArray(), e.childArray().clone());
        for (VNode kid : e.childArray()) {
            if (kid instanceof VElement c) {
                snapshot(c, into);
            }
        }
        return into;
    }

    private static void assertUntouched(VElement last, Map<Object, Object[]> arrays) {
        for (Map.Entry<Object, Object[]> e : arrays.entrySet()) {
            Object[] now = (Object[]) e.getKey();
            for (int i = 0; i < now.length; i++) {
                assertThat(now[i]).as("an array of the last tree, at %d", i).isSameAs(e.getValue()[i]);
            }
        }
    }

    private static VElement body(VElement root) {
        VElement table = (VElement) root.childArray()[1];
        return (VElement) table.childArray()[0];
    }
}
