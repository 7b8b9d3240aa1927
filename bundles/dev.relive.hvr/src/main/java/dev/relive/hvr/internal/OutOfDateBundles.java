package dev.relive.hvr.internal;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;

import dev.relive.hvr.internal.build.SourceDigest;

/**
 * The watched projects whose installed bundle was not built from their sources as they are now, so that a restart
 * runs the source. A jar HVR built carries the digest of its sources ({@link SourceDigest#HEADER}): it is out of date
 * when the sources' digest differs. Any other jar (a Maven build in {@code deploy/}, an embedded bundle) is out of
 * date when a source was modified after the jar file, or, for a bundle installed from a stream, after it was
 * installed.
 */
final class OutOfDateBundles {

    private OutOfDateBundles() {
    }

    static List<Path> of(Map<Path, Bundle> projects) {
        List<Path> stale = new ArrayList<>();
        projects.forEach((project, bundle) -> {
            if (isOutOfDate(project, bundle)) {
                stale.add(project);
            }
        });
        return stale;
    }

    /**
     * Whether a source of {@code project} was written at or after {@code since}, the watcher's start: that save is
     * the watcher's to build, and it names the file saved. Built here as out of date, it would race the save and be
     * reported as a change of {@code bnd.bnd}.
     */
    static boolean savedSince(Path project, FileTime since) {
        return SourceDigest.lastModified(project).compareTo(since) >= 0;
    }

    static boolean isOutOfDate(Path project, Bundle bundle) {
        String built = bundle.getHeaders("").get(SourceDigest.HEADER);
        if (built != null) {
            return !built.equals(SourceDigest.of(project));
        }
        return SourceDigest.lastModified(project).compareTo(builtAt(bundle)) > 0;
    }

    private static FileTime builtAt(Bundle bundle) {
        Path jar = jarFile(bundle.getLocation());
        try {
            if (jar != null && Files.isRegularFile(jar)) {
                return Files.getLastModifiedTime(jar);
            }
        } catch (java.io.IOException e) {
            // as for a bundle installed from a stream
        }
        return FileTime.fromMillis(bundle.getLastModified());
    }

    /** The file a location such as {@code file:/a/b.jar} or {@code reference:file:/a/b.jar} names, or null. */
    static Path jarFile(String location) {
        String uri = location.startsWith("reference:") ? location.substring("reference:".length()) : location;
        if (!uri.startsWith("file:")) {
            return null;
        }
        try {
            return Path.of(URI.create(uri));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
