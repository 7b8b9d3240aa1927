package dev.relive.runtime.internal.vdom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A re-render's tree is parsed without sharing its strings; the diff then gives it the old tree's nodes where they
 * are equal and shares the strings of the rest, so what a session keeps is shared as a fully shared parse was.
 */
class Issue13AdoptedNodesTest {

    private static String rows(int changed, String label) {
        StringBuilder sb = new StringBuilder("<p class=\"lead\">Rows</p><table><tbody>");
        for (int i = 0; i < 50; i++) {
            sb.append("<tr rl-key=\"row-").append(i).append("\"><td class=\"id\">").append(i).append("</td><td>")
                    .append(i == changed ? label : "label " + i).append("</td></tr>");
        }
        return sb.append("</tbody></table>").toString();
    }

    @Test
    void theUnchangedRowsAreTheOldTreesNodesAndTheChangedTextIsShared() {
        VElement old = HtmlParser.parse(rows(-1, ""));
        VElement next = HtmlParser.parseUnshared(rows(7, "a new label"));
        // another session rendered the same change already
        VElement elsewhere = HtmlParser.parse(rows(7, "a new label"));

        assertThat(Differ.diffSharing(old, next)).hasSize(1);

        assertThat(next).isEqualTo(HtmlParser.parse(rows(7, "a new label")));
        VElement oldBody = body(old);
        VElement newBody = body(next);
        assertThat(next.childArray()[0]).as("the unchanged <p>").isSameAs(old.childArray()[0]);
        for (int i = 0; i < 50; i++) {
            if (i != 7) {
                assertThat(newBody.childArray()[i]).as("row %d", i).isSameAs(oldBody.childArray()[i]);
            }
        }
        VElement row = (VElement) newBody.childArray()[7];
        VElement oldRow = (VElement) oldBody.childArray()[7];
        assertThat(row.childArray()[0]).as("the row's unchanged cell").isSameAs(oldRow.childArray()[0]);
        String label = ((VText) ((VElement) row.childArray()[1]).childArray()[0]).text();
        String sameLabel = ((VText) ((VElement) ((VElement) body(elsewhere).childArray()[7]).childArray()[1])
                .childArray()[0]).text();
        assertThat(label).isEqualTo("a new label").isSameAs(sameLabel);
    }

    @Test
    void anInsertedRowsStringsAreShared() {
        VElement old = HtmlParser.parse("<ul><li class=\"item\">a</li></ul>");
        VElement elsewhere = HtmlParser.parse("<ul><li class=\"item\">a</li><li class=\"item\">b, just added</li></ul>");
        VElement next = HtmlParser.parseUnshared("<ul><li class=\"item\">a</li><li class=\"item\">b, just added</li></ul>");

        assertThat(Differ.diffSharing(old, next)).hasSize(1);

        VElement added = (VElement) ((VElement) next.childArray()[0]).childArray()[1];
        VElement addedElsewhere = (VElement) ((VElement) elsewhere.childArray()[0]).childArray()[1];
        assertThat(((VText) added.childArray()[0]).text()).isSameAs(((VText) addedElsewhere.childArray()[0]).text());
        assertThat(added.attribute("class")).isSameAs(addedElsewhere.attribute("class"));
    }

    @Test
    void aPlainDiffLeavesTheNewTreeAsItIs() {
        VElement old = HtmlParser.parse(rows(-1, ""));
        VElement next = HtmlParser.parse(rows(7, "x"));
        VNode firstRow = body(next).childArray()[0];

        Differ.diff(old, next);

        assertThat(body(next).childArray()[0]).isSameAs(firstRow);
    }

    @Test
    void twoTreesOfTheSamePageShareTheirSmallSubtreesButNotTheirRoots() {
        VElement one = SharedSubtrees.shareWithin(HtmlParser.parse(rows(-1, "")));
        VElement two = SharedSubtrees.shareWithin(HtmlParser.parse(rows(-1, "")));

        assertThat(two).isNotSameAs(one).isEqualTo(one);
        assertThat(two.childArray()[0]).as("the <p>").isSameAs(one.childArray()[0]);
        assertThat(body(two).childArray()[3]).as("a row").isSameAs(body(one).childArray()[3]);
        assertThat(two.childArray()[1]).as("the table, larger than a shared subtree").isNotSameAs(one.childArray()[1]);
    }

    @Test
    void anElementIsSharedOnlyWithOneWhoseAttributesAreInTheSameOrder() {
        VElement one = SharedSubtrees.shareWithin(HtmlParser.parse("<p><a href=\"/x\" class=\"nav\">x</a></p>"));
        VElement two = SharedSubtrees.shareWithin(HtmlParser.parse("<p><a class=\"nav\" href=\"/x\">x</a></p>"));

        assertThat(two).isEqualTo(one); // attribute order is not part of equality
        assertThat(HtmlWriter.writeInner(two)).isEqualTo("<p><a class=\"nav\" href=\"/x\">x</a></p>");
    }

    @Test
    void aChangedRowIsSharedWithTheSameRowOfAnotherSession() {
        VElement mine = SharedSubtrees.shareWithin(HtmlParser.parse(rows(-1, "")));
        VElement theirs = SharedSubtrees.shareWithin(HtmlParser.parse(rows(-1, "")));
        VElement myNext = HtmlParser.parseUnshared(rows(7, "the same new label"));
        VElement theirNext = HtmlParser.parseUnshared(rows(7, "the same new label"));

        Differ.diffSharing(mine, myNext);
        Differ.diffSharing(theirs, theirNext);

        assertThat(body(theirNext).childArray()[7]).isSameAs(body(myNext).childArray()[7]);
        assertThat(myNext).isEqualTo(HtmlParser.parse(rows(7, "the same new label")));
    }

    private static VElement body(VElement root) {
        VElement table = (VElement) root.childArray()[1];
        return (VElement) table.childArray()[0];
    }
}
