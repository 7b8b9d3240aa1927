package dev.relive.hvr.internal.watch;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.relive.hvr.internal.build.ProjectLayout;

/**
 * Collects the paths touched by one burst of file events and decides, when the burst closes, what happened to each:
 * a path that exists then is changed, one that does not is deleted, and one that appeared and vanished within the
 * burst (an editor's temp file) is dropped. So a rename-save (delete or move-over, then create) counts as a change.
 * The burst closes {@code quiet} after its last event, or {@code maxDelay} after its first, whichever comes first; a
 * burst of template files only ({@code .peb}) closes {@code templateQuiet} after its last event: an editor's save of
 * one file is over within a millisecond, and a template save split in two costs two renders, not two builds.
 * Any other burst is looked at {@code settledQuiet} after its last event: when every file in it reads whole
 * ({@link SourceCompleteness}) it closes then, without waiting out the quiet period; else it waits for it, and a
 * later event in the burst arms the look again. The saves that land within {@code settledQuiet} of each other (an
 * editor's "save all", a checkout) still make one burst. A burst with a Java source that reads empty when it would
 * close waits for the next event, up to {@code maxDelay} after its first: an editor that truncates a file and writes
 * it later is one save, not a failed build followed by a good one.
 */
final class BurstCollector {

    private final long quietNanos;
    private final long templateQuietNanos;
    private final long settledQuietNanos;
    private final long maxDelayNanos;
    /** Touched paths, mapped to whether the burst's first event for them was a creation. */
    private final Map<Path, Boolean> touched = new LinkedHashMap<>();
    private long firstNanos;
    private long lastNanos;
    private boolean templatesOnly;
    /** Whether the files were found not whole since the last event: the burst waits the full quiet period. */
    private boolean notWhole;
    /**
     * Whether a Java source was found empty since the last event: an editor truncated it and has not written it yet,
     * so the burst waits for the write, up to the max delay, rather than build a bundle without its classes.
     */
    private boolean emptied;

    BurstCollector(long quietNanos, long maxDelayNanos) {
        this(quietNanos, quietNanos, maxDelayNanos);
    }

    BurstCollector(long quietNanos, long templateQuietNanos, long maxDelayNanos) {
        this(quietNanos, templateQuietNanos, quietNanos, maxDelayNanos);
    }

    BurstCollector(long quietNanos, long templateQuietNanos, long settledQuietNanos, long maxDelayNanos) {
        this.quietNanos = quietNanos;
        this.templateQuietNanos = Math.min(quietNanos, templateQuietNanos);
        this.settledQuietNanos = Math.min(quietNanos, settledQuietNanos);
        this.maxDelayNanos = maxDelayNanos;
    }

    void record(Path path, boolean created, long nowNanos) {
        if (touched.isEmpty()) {
            firstNanos = nowNanos;
            templatesOnly = true;
        }
        templatesOnly &= path.getFileName() != null && path.getFileName().toString().endsWith(".peb");
        lastNanos = nowNanos;
        notWhole = false;
        emptied = false;
        touched.putIfAbsent(path, created);
    }

    boolean isEmpty() {
        return touched.isEmpty();
    }

    /** When the current burst closes, in {@link System#nanoTime()} terms; only meaningful when not empty. */
    long closesAtNanos() {
        if (emptied) {
            return firstNanos + maxDelayNanos;
        }
        long quiet = templatesOnly ? templateQuietNanos : notWhole ? quietNanos : settledQuietNanos;
        return Math.min(lastNanos + quiet, firstNanos + maxDelayNanos);
    }

    /**
     * Whether the burst closes at {@code nowNanos}: after {@link #closesAtNanos()}, unless that was only the time to
     * look whether its files are whole and they are not; then it waits for the full quiet period (or the max delay).
     */
    boolean closesAt(long nowNanos) {
        if (touched.isEmpty() || nowNanos - closesAtNanos() < 0) {
            return false;
        }
        if (!templatesOnly && !emptied && nowNanos - (firstNanos + maxDelayNanos) < 0
                && touched.keySet().stream().anyMatch(SourceCompleteness::isEmptyJava)) {
            emptied = true;
            return false;
        }
        if (templatesOnly || notWhole || settledQuietNanos == quietNanos
                || nowNanos - (firstNanos + maxDelayNanos) >= 0) {
            return true;
        }
        if (touched.keySet().stream().allMatch(SourceCompleteness::isWhole)) {
            return true;
        }
        notWhole = true;
        return nowNanos - closesAtNanos() >= 0;
    }

    /** When the current burst's first event was recorded; only meaningful when not empty. */
    long firstEventNanos() {
        return firstNanos;
    }

    /**
     * Ends the burst: the touched paths grouped by project, sorted by project folder; paths in no project, and a
     * project's test sources (which its bundle does not hold), dropped.
     */
    List<ChangeSet> drain(ProjectLocator locator) {
        Map<Path, Set<Path>> changed = new HashMap<>();
        Map<Path, Set<Path>> deleted = new HashMap<>();
        Set<Path> projects = new TreeSet<>();
        touched.forEach((path, createdFirst) -> {
            boolean exists = Files.exists(path, LinkOption.NOFOLLOW_LINKS);
            if (exists && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) || !exists && createdFirst) {
                return;
            }
            locator.projectOf(path).filter(project -> !ProjectLayout.isTest(project, path)).ifPresent(project -> {
                projects.add(project);
                (exists ? changed : deleted).computeIfAbsent(project, p -> new HashSet<>()).add(path);
            });
        });
        touched.clear();
        List<ChangeSet> sets = new ArrayList<>();
        for (Path project : projects) {
            sets.add(new ChangeSet(project, changed.getOrDefault(project, Set.of()),
                    deleted.getOrDefault(project, Set.of())));
        }
        return sets;
    }
}
