package dev.relive.hvr.internal.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundle projects under the watched folders, wherever they are: every folder below a watched folder (not the
 * watched folder itself, whose {@code bnd.bnd} is a workspace's) holding a {@code bnd.bnd} and a {@code src} folder.
 * The folders the watcher skips ({@code target/}, {@code node_modules/}, hidden ones, {@code exclude_dirs}) are not
 * searched, nor is anything below a project, nor the {@code src} folder of a Maven module (its resources may hold
 * project templates, such as an archetype's, which are not projects).
 */
public final class ProjectFolders {

    private ProjectFolders() {
    }

    public static List<Path> under(List<Path> roots, List<Path> excluded) {
        WatchFilter filter = new WatchFilter(excluded);
        List<Path> projects = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                walk(root.toAbsolutePath().normalize(), filter, projects);
            }
        }
        return projects;
    }

    private static boolean isModuleSources(Path dir) {
        return dir.getFileName().toString().equals("src") && Files.isRegularFile(dir.resolveSibling("pom.xml"));
    }

    private static void walk(Path root, WatchFilter filter, List<Path> projects) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (filter.isExcludedFolder(dir) || isModuleSources(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (Files.isRegularFile(dir.resolve(ProjectLocator.BND_FILE))
                            && Files.isDirectory(dir.resolve("src"))) {
                        projects.add(dir);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search " + root, e);
        }
    }
}
