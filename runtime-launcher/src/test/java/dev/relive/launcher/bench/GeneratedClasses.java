package dev.relive.launcher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A few hundred classes written into a bundle project's sources, so that a save in it measures what the project's
 * size costs: each class is a small service-like class with a record, a few methods and references to two other
 * generated classes (they form one web, as the classes of a real application do).
 */
final class GeneratedClasses {

    static final String PACKAGE = "dev.relive.testviews.generated";

    private GeneratedClasses() {
    }

    /** Writes {@code count} classes under {@code sourceRoot} (a project's {@code src/main/java}). */
    static void write(Path sourceRoot, int count) throws IOException {
        Path folder = Files.createDirectories(sourceRoot.resolve(PACKAGE.replace('.', '/')));
        for (int i = 0; i < count; i++) {
            Files.writeString(folder.resolve(name(i) + ".java"), source(i, count));
        }
    }

    private static String name(int i) {
        return String.format("Part%03d", i);
    }

    private static String source(int i, int count) {
        String next = name((i + 1) % count);
        String other = name((i * 7 + 3) % count);
        return """
                package %1$s;

                import java.util.ArrayList;
                import java.util.List;

                public class %2$s {

                    public record Item(String name, int weight) {
                    }

                    private final List<Item> items = new ArrayList<>();

                    public void add(String name, int weight) {
                        items.add(new Item(name, weight));
                    }

                    public int total() {
                        int sum = 0;
                        for (Item item : items) {
                            sum += item.weight();
                        }
                        return sum;
                    }

                    public String describe(%3$s next, %4$s other) {
                        return "%2$s:" + total() + "/" + next.total() + "/" + other.total();
                    }
                }
                """.formatted(PACKAGE, name(i), next, other);
    }
}
