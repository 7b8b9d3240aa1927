package dev.relive.runtime.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The runtime's packages depend on each other without cycles, judged by the names their sources use. */
class PackageCyclesTest {

    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\b(dev\\.relive\\.runtime(?:\\.[a-z]\\w*)*)\\.[A-Z]");

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> uses = dependencies();
        assertThat(uses).containsKeys("dev.relive.runtime.internal.session", "dev.relive.runtime.internal.web");
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            findCycle(start, uses).ifPresent(cycles::add);
        }
        assertThat(cycles).as("package cycles").isEmpty();
    }

    private static Optional<String> findCycle(String start, Map<String, Set<String>> uses) {
        Deque<List<String>> paths = new ArrayDeque<>();
        paths.add(List.of(start));
        Set<String> seen = new TreeSet<>();
        while (!paths.isEmpty()) {
            List<String> path = paths.poll();
            for (String next : uses.getOrDefault(path.get(path.size() - 1), Set.of())) {
                if (next.equals(start)) {
                    return Optional.of(String.join(" -> ", path) + " -> " + start);
                }
                if (seen.add(next)) {
                    List<String> longer = new ArrayList<>(path);
                    longer.add(next);
                    paths.add(longer);
                }
            }
        }
        return Optional.empty();
    }

    private static Map<String, Set<String>> dependencies() throws IOException {
        String base = System.getProperty("basedir", System.getProperty("user.dir"));
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of(base, "src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(source);
                if (!pkg.find()) {
                    continue;
                }
                Set<String> used = uses.computeIfAbsent(pkg.group(1), p -> new TreeSet<>());
                Matcher ref = REFERENCE.matcher(source.substring(pkg.end()));
                while (ref.find()) {
                    if (!ref.group(1).equals(pkg.group(1))) {
                        used.add(ref.group(1));
                    }
                }
            }
        }
        return uses;
    }
}
