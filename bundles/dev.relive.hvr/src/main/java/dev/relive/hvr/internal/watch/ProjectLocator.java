package dev.relive.hvr.internal.watch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the bundle project of a path: its nearest ancestor (or itself) holding a {@code bnd.bnd}, searched below
 * the watched root the path lies in, so the workspace's own {@code bnd.bnd} never counts.
 */
final class ProjectLocator {

    static final String BND_FILE = "bnd.bnd";

    private final List<Path> roots;

    ProjectLocator(List<Path> roots) {
        this.roots = roots;
    }

    Optional<Path> projectOf(Path path) {
        Optional<Path> root = roots.stream().filter(path::startsWith).findFirst();
        if (root.isEmpty()) {
            return Optional.empty();
        }
        for (Path dir = path.getParent(); dir != null && dir.startsWith(root.get())
                && !dir.equals(root.get()); dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(BND_FILE))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
