package dev.relive.runtime.internal.vdom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class Issue13ShownItemsTest {

    @Test
    void remembersEachKeyWithTheLastHtmlSentForIt() {
        ShownItems items = new ShownItems(100);
        items.put("a", "<li>1</li>");
        items.put("b", "<li>2</li>");
        items.put("a", "<li>3</li>");

        assertThat(items.has("a", "<li>3</li>")).isTrue();
        assertThat(items.has("a", "<li>1</li>")).isFalse();
        assertThat(items.has("b", "<li>2</li>")).isTrue();
        assertThat(items.has("c", "<li>2</li>")).isFalse();
        assertThat(items.size()).isEqualTo(2);
    }

    @Test
    void takeAndRemoveForgetTheKey() {
        ShownItems items = new ShownItems(100);
        items.put("a", "x");
        items.put("b", "y");

        assertThat(items.take("a", "other")).isFalse();
        assertThat(items.has("a", "x")).isFalse();
        assertThat(items.take("b", "y")).isTrue();
        assertThat(items.take("b", "y")).isFalse();
        assertThat(items.size()).isZero();
    }

    @Test
    void keysPastTheLimitAreNotRemembered() {
        ShownItems items = new ShownItems(2);
        items.put("a", "1");
        items.put("b", "2");
        items.put("c", "3");
        items.put("a", "4");

        assertThat(items.has("c", "3")).isFalse();
        assertThat(items.has("a", "4")).isTrue();
        items.remove("b");
        items.put("c", "3");
        assertThat(items.has("c", "3")).isTrue();
    }

    @Test
    void movingIntoAnotherEmptiesThisOneAndReplacesTheOthersEntries() {
        ShownItems shown = new ShownItems(100);
        shown.put("a", "1");
        shown.put("b", "2");
        ShownItems removed = new ShownItems(100);
        removed.put("a", "old");
        removed.put("z", "9");

        shown.moveInto(removed);

        assertThat(shown.size()).isZero();
        assertThat(shown.has("a", "1")).isFalse();
        assertThat(removed.has("a", "1")).isTrue();
        assertThat(removed.has("b", "2")).isTrue();
        assertThat(removed.has("z", "9")).isTrue();
        assertThat(removed.size()).isEqualTo(3);
    }

    /** Puts and removes at random against a map: the probe runs stay findable across removals and growth. */
    @Test
    void agreesWithAMapUnderRandomPutsAndRemoves() {
        Random random = new Random(13);
        ShownItems items = new ShownItems(Integer.MAX_VALUE);
        Map<String, String> expected = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            String key = "k" + random.nextInt(3_000);
            if (random.nextInt(3) == 0) {
                items.remove(key);
                expected.remove(key);
            } else {
                String html = "<tr>" + random.nextInt(4) + "</tr>";
                items.put(key, html);
                expected.put(key, html);
            }
        }
        assertThat(items.size()).isEqualTo(expected.size());
        for (int k = 0; k < 3_000; k++) {
            String key = "k" + k;
            for (int h = 0; h < 4; h++) {
                String html = "<tr>" + h + "</tr>";
                assertThat(items.has(key, html)).as(key + " " + html).isEqualTo(html.equals(expected.get(key)));
            }
        }
    }
}
