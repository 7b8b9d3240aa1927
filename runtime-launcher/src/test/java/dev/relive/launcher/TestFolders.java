package dev.relive.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Copies and deletes the folders the launcher tests and benchmarks work in. */
public final class TestFolders {

    private TestFolders() {
    }

    /** Copies the tree {@code from} to {@code to}, leaving out build output ({@code target/}); returns {@code to}. */
    public static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String relative = from.relativize(p).toString();
                if (relative.startsWith("target") || relative.contains("/target/")) {
                    continue;
                }
                Path target = to.resolve(relative);
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }

    /** The tasks application of the tests' resources ({@code tasks-app/}), copied to {@code to}. */
    public static Path copyTasksApp(Path to) throws Exception {
        return copyTree(Path.of(TestFolders.class.getResource("/tasks-app").toURI()), to);
    }

    /** Deletes the tree, if there is one. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
