package dev.relive.hvr.internal.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ClassGraphTest {

    @Test
    void cyclesAreOneComponentAndComeAfterWhatTheyReferTo() {
        // a -> b -> c -> a is a cycle that refers to d; d -> e; f refers to the cycle
        Map<String, Set<String>> edges = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "d"),
                "d", Set.of("e"), "e", Set.of(), "f", Set.of("a"));

        List<Set<String>> components = ClassGraph.components(edges);

        assertThat(components).containsExactlyInAnyOrder(Set.of("a", "b", "c"), Set.of("d"), Set.of("e"),
                Set.of("f"));
        assertThat(components.indexOf(Set.of("e"))).isLessThan(components.indexOf(Set.of("d")));
        assertThat(components.indexOf(Set.of("d"))).isLessThan(components.indexOf(Set.of("a", "b", "c")));
        assertThat(components.indexOf(Set.of("a", "b", "c"))).isLessThan(components.indexOf(Set.of("f")));
    }

    @Test
    void aLongChainNeedsNoDeepStack() {
        Map<String, Set<String>> edges = new HashMap<>();
        int length = 100_000;
        for (int i = 0; i < length; i++) {
            edges.put(String.format("c%06d", i), i + 1 < length ? Set.of(String.format("c%06d", i + 1)) : Set.of());
        }

        List<Set<String>> components = ClassGraph.components(edges);

        assertThat(components).hasSize(length);
        assertThat(components.get(0)).containsExactly(String.format("c%06d", length - 1));
    }
}
