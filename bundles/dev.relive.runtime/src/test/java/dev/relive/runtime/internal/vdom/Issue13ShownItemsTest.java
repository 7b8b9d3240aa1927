package dev.relive.runtime.internal.vdom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class Issue13ShownItemsTest {

    /** The fingerprint of an item whose HTML is {@code <li>text</li>}. */
    private static long p(String text) {
        return ItemPrint.of(item("<li>" + text + "</li>"));
    }

    private static VElement item(String html) {
        return (VElement) HtmlParser.parse(html).childArray()[0];
    }

    @Test
    void anItemsFingerprintChangesWithWhatItsHtmlWouldSay() {
        String row = "<li rl-key=\"7\" class=\"on\"><span>Ann</span><span><b>3</b> stars</span></li>";
        assertThat(ItemPrint.of(item(row))).isEqualTo(ItemPrint.of(item(row)));
        for (String other : new String[] {
                "<li rl-key=\"7\" class=\"off\"><span>Ann</span><span><b>3</b> stars</span></li>",
                "<li class=\"on\" rl-key=\"7\"><span>Ann</span><span><b>3</b> stars</span></li>",
                "<li rl-key=\"7\" class=\"on\"><span>Ann</span><span><i>3</i> stars</span></li>",
                "<li rl-key=\"7\" class=\"on\"><span>An</span><span>n<b>3</b> stars</span></li>",
                "<li rl-key=\"7\" class=\"on\"><span>Ann</span><span><b>3 stars</b></span></li>",
                "<li rl-key=\"7\" class=\"on\"><span>Ann</span><span><b>3</b> stars</span><span></span></li>" }) {
            assertThat(ItemPrint.of(item(other))).as(other).isNotEqualTo(ItemPrint.of(item(row)));
        }
        assertThat(ItemPrint.ofKey("7")).isNotEqualTo(ItemPrint.ofKey("8")).isNotZero();
    }

    @Test
    void remembersEachKeyWithTheLastHtmlSentForIt() {
        ShownItems items = new ShownItems(100);
        items.put("a", p("1"));
        items.put("b", p("2"));
        items.put("a", p("3"));

        assertThat(items.has("a", p("3"))).isTrue();
        assertThat(items.has("a", p("1"))).isFalse();
        assertThat(items.has("b", p("2"))).isTrue();
        assertThat(items.has("c", p("2"))).isFalse();
        assertThat(items.size()).isEqualTo(2);
    }

    @Test
    void takeAndRemoveForgetTheKey() {
        ShownItems items = new ShownItems(100);
        items.put("a", p("x"));
        items.put("b", p("y"));

        assertThat(items.take("a", p("other"))).isFalse();
        assertThat(items.has("a", p("x"))).isFalse();
        assertThat(items.take("b", p("y"))).isTrue();
        assertThat(items.take("b", p("y"))).isFalse();
        assertThat(items.size()).isZero();
    }

    @Test
    void keysPastTheLimitAreNotRemembered() {
        ShownItems items = new ShownItems(2);
        items.put("a", p("1"));
        items.put("b", p("2"));
        items.put("c", p("3"));
        items.put("a", p("4"));

        assertThat(items.has("c", p("3"))).isFalse();
        assertThat(items.has("a", p("4"))).isTrue();
        items.remove("b");
        items.put("c", p("3"));
        assertThat(items.has("c", p("3"))).isTrue();
    }

    @Test
    void movingIntoAnotherEmptiesThisOneAndReplacesTheOthersEntries() {
        ShownItems shown = new ShownItems(100);
        shown.put("a", p("1"));
        shown.put("b", p("2"));
        ShownItems removed = new ShownItems(100);
        removed.put("a", p("old"));
        removed.put("z", p("9"));

        shown.moveInto(removed);

        assertThat(shown.size()).isZero();
        assertThat(shown.has("a", p("1"))).isFalse();
        assertThat(removed.has("a", p("1"))).isTrue();
        assertThat(removed.has("b", p("2"))).isTrue();
        assertThat(removed.has("z", p("9"))).isTrue();
        assertThat(removed.size()).isEqualTo(3);
    }

    /** Puts and removes at random against a map: the probe runs stay findable across removals and growth. */
    @Test
    void agreesWithAMapUnderRandomPutsAndRemoves() {
        Random random = new Random(13);
        ShownItems items = new ShownItems(Integer.MAX_VALUE);
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            String key = "k" + random.nextInt(3_000);
            if (random.nextInt(3) == 0) {
                items.remove(key);
                expected.remove(key);
            } else {
                long html = p(String.valueOf(random.nextInt(4)));
                items.put(key, html);
                expected.put(key, html);
            }
        }
        assertThat(items.size()).isEqualTo(expected.size());
        for (int k = 0; k < 3_000; k++) {
            String key = "k" + k;
            for (int h = 0; h < 4; h++) {
                long html = p(String.valueOf(h));
                assertThat(items.has(key, html)).as(key + " " + h)
                        .isEqualTo(Long.valueOf(html).equals(expected.get(key)));
            }
        }
    }
}
