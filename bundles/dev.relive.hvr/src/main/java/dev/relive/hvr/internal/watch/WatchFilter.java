package dev.relive.hvr.internal.watch;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Decides which folders are not watched and which files are editor noise. Always excluded: folders named
 * {@code target}, {@code node_modules}, {@code .git} or any hidden folder, wherever they are, and the configured
 * absolute folders with everything below them. Ignored files: names starting with {@code .} or {@code #}, or ending
 * with {@code ~}, {@code .swp}, {@code .swx} or {@code .tmp}.
 */
final class WatchFilter {

    private static final Set<String> EXCLUDED_NAMES = Set.of("target", "node_modules", ".git");
    private static final List<String> TEMP_SUFFIXES = List.of("~", ".swp", ".swx", ".tmp");

    private final List<Path> excluded;

    WatchFilter(List<Path> excludedFolders) {
        this.excluded = excludedFolders.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    boolean isExcludedFolder(Path folder) {
        Path name = folder.getFileName();
        if (name != null) {
            String n = name.toString();
            if (EXCLUDED_NAMES.contains(n) || n.startsWith(".")) {
                return true;
            }
        }
        return excluded.stream().anyMatch(folder::startsWith);
    }

    boolean isIgnoredFile(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return true;
        }
        String n = name.toString();
        return n.startsWith(".") || n.startsWith("#") || TEMP_SUFFIXES.stream().anyMatch(n::endsWith);
    }
}
