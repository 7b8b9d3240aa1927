package dev.relive.hvr.internal.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The complete class output of a project's last successful compile, with the sources and the class path stamp it was
 * compiled from. It decides whether the classes compiled from a few changed sources can be merged into it (an
 * incremental compile), need other sources compiled with them, or the whole project must be compiled again, and
 * merges them.
 *
 * <p>Merging is safe when no class compiled from an unchanged source could compile differently: the API of every
 * changed class ({@link ClassOutline#apiKey()}) is unchanged, or no unchanged class refers to a class whose API
 * changed (nor to one of its subclasses). The sources of the classes that do refer to one are compiled with the
 * changed ones. Changed constants always need a full compile, since compilers copy their values into the classes that
 * use them without referring to their class; so does a class that moved from one source file to another.
 *
 * <p>Threading: used under its compiler's lock.
 */
final class ProjectOutput {

    private final Path folder;
    private final Map<Path, SourceStamp> sources;
    private final String classPathStamp;
    private final Map<String, ClassOutline> outlines;
    private final OutputClasses classes;

    private ProjectOutput(Path folder, Map<Path, SourceStamp> sources, String classPathStamp,
            Map<String, ClassOutline> outlines, OutputClasses classes) {
        this.folder = folder;
        this.sources = sources;
        this.classPathStamp = classPathStamp;
        this.outlines = outlines;
        this.classes = classes;
    }

    /** Takes over {@code folder}, the output of a complete compile of {@code sources}. */
    static ProjectOutput of(Path folder, Map<Path, SourceStamp> sources, String classPathStamp) throws IOException {
        Map<String, byte[]> bytes = new HashMap<>();
        Map<String, ClassOutline> outlines = outlinesIn(folder, bytes);
        return new ProjectOutput(folder, Map.copyOf(sources), classPathStamp, outlines, OutputClasses.of(bytes));
    }

    Path folder() {
        return folder;
    }

    /** The class files in {@link #folder()}, as they are there. */
    OutputClasses classes() {
        return classes;
    }

    /** The stamp {@code file} had when this output was compiled, or {@code null}. */
    SourceStamp stamp(Path file) {
        return sources.get(file);
    }

    /**
     * The sources that changed since this output was compiled, or {@code null} when it cannot be built on: a source
     * was deleted, or the class path changed.
     */
    List<Path> changedSources(Map<Path, SourceStamp> now, String classPathStamp) {
        if (!this.classPathStamp.equals(classPathStamp) || !now.keySet().containsAll(sources.keySet())) {
            return null;
        }
        List<Path> changed = new ArrayList<>();
        now.forEach((file, stamp) -> {
            if (!stamp.sameContent(sources.get(file))) {
                changed.add(file);
            }
        });
        Collections.sort(changed);
        return changed;
    }

    /**
     * What to do with {@code fresh}, the classes compiled from {@code changed} (source paths relative to the source
     * root, as in {@link ClassOutline#sourcePath()}): merge them, compile them again together with the sources of
     * the unchanged classes that use a changed API, or compile everything.
     */
    Plan plan(Set<String> changed, Map<String, ClassOutline> fresh) {
        Set<String> apiChanged = new HashSet<>();
        for (ClassOutline old : outlines.values()) {
            String source = old.sourcePath();
            if (source == null) {
                return Plan.FULL;
            }
            if (!changed.contains(source)) {
                continue;
            }
            ClassOutline now = fresh.get(old.name());
            if (!old.constants().equals(now == null ? "" : now.constants())) {
                return Plan.FULL;
            }
            if (now == null) {
                if (!old.localOrAnonymous()) {
                    apiChanged.add(old.name());
                }
            } else if (!now.apiKey().equals(old.apiKey())) {
                apiChanged.add(old.name());
            }
        }
        for (ClassOutline now : fresh.values()) {
            ClassOutline old = outlines.get(now.name());
            if (now.sourcePath() == null || !changed.contains(now.sourcePath())
                    || old != null && !changed.contains(old.sourcePath())) {
                return Plan.FULL;
            }
        }
        if (apiChanged.isEmpty()) {
            return Plan.MERGE;
        }
        Set<String> affected = withSubtypes(apiChanged, changed);
        Set<String> users = new HashSet<>();
        for (ClassOutline old : outlines.values()) {
            if (!changed.contains(old.sourcePath()) && !Collections.disjoint(old.references(), affected)) {
                users.add(old.sourcePath());
            }
        }
        return users.isEmpty() ? Plan.MERGE : new Plan(false, users);
    }

    /** Merge ({@code more} empty, not {@code full}), compile {@code more} sources too, or compile everything. */
    record Plan(boolean full, Set<String> more) {
        static final Plan MERGE = new Plan(false, Set.of());
        static final Plan FULL = new Plan(true, Set.of());

        boolean merge() {
            return !full && more.isEmpty();
        }
    }

    /**
     * Replaces the classes of {@code changed} by those in {@code freshFolder} (moved, not copied) and returns the
     * output now in this folder; this instance must not be used afterwards.
     */
    ProjectOutput merge(Set<String> changed, Path freshFolder, Map<String, ClassOutline> fresh,
            Map<Path, SourceStamp> stamps) throws IOException {
        Map<String, ClassOutline> merged = new HashMap<>(outlines);
        Set<String> removed = new HashSet<>();
        for (ClassOutline old : outlines.values()) {
            if (changed.contains(old.sourcePath())) {
                Files.deleteIfExists(folder.resolve(old.name() + ".class"));
                merged.remove(old.name());
                removed.add(old.name());
            }
        }
        Map<String, byte[]> added = new HashMap<>();
        for (ClassOutline compiled : fresh.values()) {
            Path target = folder.resolve(compiled.name() + ".class");
            Path source = freshFolder.resolve(compiled.name() + ".class");
            added.put(compiled.name(), FileCache.SHARED.bytes(source));
            Files.createDirectories(target.getParent());
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
            merged.put(compiled.name(), compiled);
        }
        return new ProjectOutput(folder, Map.copyOf(stamps), classPathStamp, merged,
                classes.merged(removed, added));
    }

    /** The outlines of the class files under {@code folder}, by internal name. */
    static Map<String, ClassOutline> outlinesIn(Path folder) throws IOException {
        return outlinesIn(folder, null);
    }

    /** As {@link #outlinesIn(Path)}, putting the class files' bytes into {@code bytes} too, unless it is null. */
    private static Map<String, ClassOutline> outlinesIn(Path folder, Map<String, byte[]> bytes) throws IOException {
        Map<String, ClassOutline> outlines = new HashMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.toString().endsWith(".class") && Files.isRegularFile(file)) {
                    ClassOutline outline = FileCache.SHARED.outline(file);
                    outlines.put(outline.name(), outline);
                    if (bytes != null && !outline.name().endsWith("module-info")) {
                        bytes.put(outline.name(), FileCache.SHARED.bytes(file));
                    }
                }
            }
        }
        return outlines;
    }

    /** {@code changedApi} and the classes of unchanged sources that extend or implement them, transitively. */
    private Set<String> withSubtypes(Set<String> changedApi, Set<String> changed) {
        Set<String> affected = new HashSet<>(changedApi);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ClassOutline old : outlines.values()) {
                if (!affected.contains(old.name()) && !changed.contains(old.sourcePath())
                        && !Collections.disjoint(old.supertypes(), affected)) {
                    affected.add(old.name());
                    grew = true;
                }
            }
        }
        return affected;
    }

    /** What a source file held when it was compiled: its modification time, size and a digest of its bytes. */
    record SourceStamp(long modified, long size, String digest) {

        /** Equal content; the digest is compared only when time or size differ. */
        boolean sameContent(SourceStamp other) {
            return other != null && (modified == other.modified && size == other.size || digest.equals(other.digest));
        }
    }
}
