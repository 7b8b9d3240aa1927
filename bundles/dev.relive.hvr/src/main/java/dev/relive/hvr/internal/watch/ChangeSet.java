package dev.relive.hvr.internal.watch;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The files of one bundle project changed by one burst of saves. Paths are absolute and normalized; a path is in
 * exactly one of the two sets, according to whether it existed when the burst closed. A deleted folder is reported
 * as the folder's own path (its files are not listed).
 *
 * @param project the bundle project folder (the nearest ancestor holding a {@code bnd.bnd})
 * @param changed files created or modified, including targets of editors' rename-saves
 * @param deleted files or folders that no longer exist
 */
public record ChangeSet(Path project, Set<Path> changed, Set<Path> deleted) {

    public ChangeSet {
        changed = Collections.unmodifiableSet(new TreeSet<>(changed));
        deleted = Collections.unmodifiableSet(new TreeSet<>(deleted));
    }
}
