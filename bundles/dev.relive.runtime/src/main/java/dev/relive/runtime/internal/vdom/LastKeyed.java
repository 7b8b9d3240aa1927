package dev.relive.runtime.internal.vdom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keyed elements of a session's last tree that know where they came from ({@link VElement.Source}), in
 * document order, for {@link WellFormedParser} to look up by key as it meets keyed elements again: first the one
 * after the last found (a page's rows mostly come in the same order as before), else through a map made on the
 * first miss. Each element's candidate is checked against the markup by the parser; this only finds it.
 */
final class LastKeyed {

    private final List<VElement> elements = new ArrayList<>();
    /** For each element, the index after its last keyed descendant. */
    private int[] after = new int[16];
    private int cursor;
    private int found = -1;
    private Map<String, Integer> byKey;

    LastKeyed(VElement root) {
        collect(root);
    }

    private void collect(VElement e) {
        for (VNode child : e.childArray()) {
            if (child instanceof VElement c) {
                if (c.source() != null) {
                    int i = elements.size();
                    elements.add(c);
                    collect(c);
                    if (i >= after.length) {
                        after = Arrays.copyOf(after, Math.max(i + 1, after.length * 2));
                    }
                    after[i] = elements.size();
                } else {
                    collect(c);
                }
            }
        }
    }

    /** An element of the last tree with {@code key}, or null. */
    VElement find(String key) {
        if (cursor < elements.size() && key.equals(elements.get(cursor).key())) {
            found = cursor;
            cursor++;
            return elements.get(found);
        }
        if (byKey == null) {
            byKey = new HashMap<>();
            for (int i = 0; i < elements.size(); i++) {
                byKey.putIfAbsent(elements.get(i).key(), i);
            }
        }
        Integer i = byKey.get(key);
        if (i == null) {
            return null;
        }
        found = i;
        cursor = i + 1;
        return elements.get(i);
    }

    /** The element last found was taken whole: the keyed elements inside it will not be asked for. */
    void took() {
        cursor = after[found];
    }
}
