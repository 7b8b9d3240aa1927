package dev.relive.runtime.internal.vdom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class DiffPropertiesTest {

    @Property(tries = 600)
    void applyingTheDiffGivesTheTarget(@ForAll long seed, @ForAll @IntRange(min = 1, max = 120) int size,
                                       @ForAll @IntRange(min = 0, max = 4) int intensity) {
        RandomTrees gen = new RandomTrees(seed);
        VElement a = gen.tree(size);
        VElement b = gen.mutate(a, intensity);
        List<Patch> patches = Differ.diff(a, b);
        assertThat(PatchApplier.apply(patches, a)).isEqualTo(b);
        assertThat(PatchJson.fromJson(PatchJson.toJson(patches))).isEqualTo(patches);
        List<Patch> positional = Differ.byPosition(a, b).patches;
        assertThat(PatchApplier.apply(positional, a)).isEqualTo(b);
        assertStructuralOrder(positional);
        VElement own = copy(b);
        assertThat(Differ.diffSharing(a, own)).as("diffSharing").isEqualTo(patches);
        assertThat(own).as("the tree diffSharing changed").isEqualTo(b);
        assertThat(HtmlWriter.writeInner(own)).isEqualTo(HtmlWriter.writeInner(b));
    }

    /** A deep copy of {@code e} in new arrays, as a parse would make it. */
    static VElement copy(VElement e) {
        VNode[] kids = e.childArray().clone();
        for (int i = 0; i < kids.length; i++) {
            kids[i] = kids[i] instanceof VElement c ? copy(c) : new VText(new String(((VText) kids[i]).text()));
        }
        return VElement.adopt(e.tag(), e.namespace(), e.attributeArray().clone(), kids);
    }

    @Property(tries = 200)
    void treesFromTheParserRoundTripAndDiffToNothingWithThemselves(@ForAll long seed,
                                                                   @ForAll @IntRange(min = 1, max = 120) int size) {
        VElement a = new RandomTrees(seed).tree(size);
        assertThat(HtmlParser.parse(HtmlWriter.writeInner(a))).isEqualTo(a);
        assertThat(Differ.diff(a, a)).isEmpty();
        assertThat(Differ.diff(a, HtmlParser.parse(HtmlWriter.writeInner(a)))).isEmpty();
    }

    @Property(tries = 300)
    void aKeyedReorderTakesNMinusLisMoves(@ForAll long seed, @ForAll @IntRange(min = 0, max = 60) int n) {
        Random rnd = new Random(seed);
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add(i);
        }
        List<Integer> permuted = new ArrayList<>(keys);
        switch (rnd.nextInt(4)) {
            case 0 -> Collections.shuffle(permuted, rnd);
            case 1 -> Collections.reverse(permuted);
            case 2 -> {
                if (n > 0) {
                    permuted.add(rnd.nextInt(n), permuted.remove(rnd.nextInt(n)));
                }
            }
            default -> {
                for (int i = 0; i < 3 && n > 1; i++) {
                    Collections.swap(permuted, rnd.nextInt(n), rnd.nextInt(n));
                }
            }
        }
        VElement a = keyedTable(keys);
        VElement b = keyedTable(permuted);
        List<Patch> patches = Differ.diff(a, b);
        assertThat(PatchApplier.apply(patches, a)).isEqualTo(b);
        assertThat(patches).allMatch(p -> p instanceof Patch.Move);
        assertThat(patches).hasSize(n - lis(permuted));
    }

    @Property(tries = 300)
    void withInsertsAndRemovalsOnlyTheKeptRowsOffTheLisMove(@ForAll long seed,
                                                           @ForAll @IntRange(min = 0, max = 40) int n) {
        Random rnd = new Random(seed);
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add(i);
        }
        List<Integer> next = new ArrayList<>(keys);
        next.removeIf(k -> rnd.nextInt(4) == 0);
        Collections.shuffle(next, rnd);
        List<Integer> kept = List.copyOf(next);
        int inserts = rnd.nextInt(5);
        for (int i = 0; i < inserts; i++) {
            next.add(rnd.nextInt(next.size() + 1), 1000 + i);
        }
        VElement a = keyedTable(keys);
        VElement b = keyedTable(next);
        List<Patch> patches = Differ.diff(a, b);
        assertThat(PatchApplier.apply(patches, a)).isEqualTo(b);
        assertThat(patches.stream().filter(p -> p instanceof Patch.Move).count())
                .isEqualTo(kept.size() - lis(kept));
        assertThat(patches.stream().filter(p -> p instanceof Patch.Insert).count()).isEqualTo(inserts);
        assertThat(patches.stream().filter(p -> p instanceof Patch.Remove).count()).isEqualTo(n - kept.size());
    }

    @Property(tries = 1000)
    void keyedRowsMixedWithUnkeyedNodes(@ForAll long seed, @ForAll @IntRange(min = 0, max = 30) int n) {
        Random rnd = new Random(seed);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(mixedItem(rnd, i));
        }
        List<String> next = new ArrayList<>(items);
        switch (rnd.nextInt(4)) {
            case 0 -> Collections.shuffle(next, rnd);
            case 1 -> Collections.reverse(next);
            case 2 -> {
                if (n > 1) {
                    int from = rnd.nextInt(n);
                    int len = Math.min(n - from, 1 + rnd.nextInt(3));
                    List<String> run = new ArrayList<>(next.subList(from, from + len));
                    next.subList(from, from + len).clear();
                    next.addAll(rnd.nextInt(next.size() + 1), run);
                }
            }
            default -> {
                // leave the order
            }
        }
        next.removeIf(x -> rnd.nextInt(6) == 0);
        for (int i = rnd.nextInt(4); i > 0; i--) {
            next.add(rnd.nextInt(next.size() + 1), mixedItem(rnd, 100 + rnd.nextInt(100)));
        }
        VElement a = HtmlParser.parse("<ul>" + String.join("", items) + "</ul>");
        VElement b = HtmlParser.parse("<ul>" + String.join("", next) + "</ul>");
        List<Patch> patches = Differ.diff(a, b);
        assertThat(PatchApplier.apply(patches, a)).isEqualTo(b);
        assertStructuralOrder(patches);
    }

    /** A keyed row, whitespace, a text, or an unkeyed element (keys may repeat). */
    private static String mixedItem(Random rnd, int i) {
        return switch (rnd.nextInt(6)) {
            case 0, 1 -> "<li rl-key=\"k" + i + "\">" + i + "</li>";
            case 2 -> "<li rl-key=\"k" + rnd.nextInt(5) + "\">dup</li>";
            case 3 -> "\n  ";
            case 4 -> "<li>u" + rnd.nextInt(3) + "</li>";
            default -> "text" + rnd.nextInt(3);
        };
    }

    static VElement keyedTable(List<Integer> keys) {
        StringBuilder html = new StringBuilder("<table><tbody>");
        for (int k : keys) {
            html.append("<tr rl-key=\"").append(k).append("\"><td>").append(k).append("</td></tr>");
        }
        return HtmlParser.parse(html.append("</tbody></table>").toString());
    }

    /** Longest increasing subsequence length, by the quadratic textbook method (independent of the differ's). */
    static int lis(List<Integer> seq) {
        int n = seq.size();
        int[] best = new int[n];
        int max = 0;
        for (int i = 0; i < n; i++) {
            best[i] = 1;
            for (int j = 0; j < i; j++) {
                if (seq.get(j) < seq.get(i)) {
                    best[i] = Math.max(best[i], best[j] + 1);
                }
            }
            max = Math.max(max, best[i]);
        }
        return max;
    }

    /**
     * Checks the emission order of each element's structural patches: removals from the highest index down,
     * then moves and inserts, all before any patch inside the children.
     */
    static void assertStructuralOrder(List<Patch> patches) {
        Map<List<Integer>, Integer> phase = new HashMap<>(); // parent path -> 1 removing, 2 placing, 3 done
        Map<List<Integer>, Integer> lastRemoved = new HashMap<>();
        for (Patch p : patches) {
            List<Integer> parent;
            int ph;
            if (p instanceof Patch.Remove r) {
                parent = r.path().subList(0, r.path().size() - 1);
                ph = 1;
                int idx = r.path().get(r.path().size() - 1);
                Integer prev = lastRemoved.put(parent, idx);
                assertThat(prev == null || prev > idx).as("removals from the highest index down: %s", patches).isTrue();
            } else if (p instanceof Patch.Move || p instanceof Patch.Insert) {
                parent = p.path();
                ph = 2;
            } else {
                continue;
            }
            int current = phase.getOrDefault(parent, 0);
            assertThat(current).as("structural patches of %s out of order: %s", parent, patches).isLessThanOrEqualTo(ph);
            phase.put(parent, ph);
            // no patch inside the parent's children may have come before
            for (Map.Entry<List<Integer>, Integer> e : phase.entrySet()) {
                List<Integer> other = e.getKey();
                if (other.size() > parent.size() && other.subList(0, parent.size()).equals(parent)) {
                    throw new AssertionError("structural patch of " + parent + " after patches inside it: " + patches);
                }
            }
        }
    }
}
