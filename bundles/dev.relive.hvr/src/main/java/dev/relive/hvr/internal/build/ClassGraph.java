package dev.relive.hvr.internal.build;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Strongly connected components of the graph of which classes refer to which (Tarjan's algorithm, no recursion). */
final class ClassGraph {

    private ClassGraph() {
    }

    /**
     * The components of {@code edges} (every node a key; edges only to keys), each before any component that refers
     * to it: a component's references are all in earlier components or in itself.
     */
    static List<Set<String>> components(Map<String, Set<String>> edges) {
        List<Set<String>> components = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        for (String root : new TreeSet<>(edges.keySet())) {
            if (index.containsKey(root)) {
                continue;
            }
            Deque<Map.Entry<String, Iterator<String>>> path = new ArrayDeque<>();
            visit(root, edges, index, low, stack, onStack, path);
            while (!path.isEmpty()) {
                Map.Entry<String, Iterator<String>> top = path.peek();
                String node = top.getKey();
                if (top.getValue().hasNext()) {
                    String next = top.getValue().next();
                    if (!index.containsKey(next)) {
                        visit(next, edges, index, low, stack, onStack, path);
                    } else if (onStack.contains(next)) {
                        low.put(node, Math.min(low.get(node), index.get(next)));
                    }
                    continue;
                }
                path.pop();
                if (!path.isEmpty()) {
                    String parent = path.peek().getKey();
                    low.put(parent, Math.min(low.get(parent), low.get(node)));
                }
                if (low.get(node).equals(index.get(node))) {
                    Set<String> component = new TreeSet<>();
                    String member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.add(member);
                    } while (!member.equals(node));
                    components.add(component);
                }
            }
        }
        return components;
    }

    private static void visit(String node, Map<String, Set<String>> edges, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
            Deque<Map.Entry<String, Iterator<String>>> path) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        path.push(Map.entry(node, edges.get(node).iterator()));
    }
}
