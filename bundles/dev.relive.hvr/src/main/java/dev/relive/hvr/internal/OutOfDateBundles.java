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
 * when the sources' digest differs. Any other jar is out of date when a source was modified after it was built: a
 * jar in {@code deploy/} (a Maven build) after the jar file was written; a bundle the launcher packs
 * (location {@code relive:bundles/...}) after the launcher's jar was (or, for a launcher run from a folder, the
 * bundle's file in it), never after its install, which a fresh bundle cache makes as new as the launch; any other
 * bundle installed from a stream, after it was installed.
 */
final class OutOfDateBundles {

    /** The framework property naming the launcher's jar or folder. */
    static final String LAUNCHER_PROPERTY = "relive.launcher";
    private static final String EMBEDDED_PREFIX = "relive:";

    /** The launcher's jar or class folder, or null when not known. */
    private final Path launcher;

    OutOfDateBundles(Path launcher) {
        this.launcher = launcher;
    }

    /** The launcher the framework property {@value #LAUNCHER_PROPERTY} names, or none. */
    static OutOfDateBundles ofLauncher(String property) {
        Path launcher = null;
        if (property != null && !property.isBlank()) {
            try {
                launcher = Path.of(property);
            } catch (java.nio.file.InvalidPathException e) {
                // as when the launcher does not say
            }
        }
        return new OutOfDateBundles(launcher);
    }

    List<Path> of(Map<Path, Bundle> projects) {
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

    boolean isOutOfDate(Path project, Bundle bundle) {
        String built = bundle.getHeaders("").get(SourceDigest.HEADER);
        if (built != null) {
            return !built.equals(SourceDigest.of(project));
        }
        return SourceDigest.lastModified(project).compareTo(builtAt(bundle)) > 0;
    }

    /** When {@code bundle}'s jar was built, as far as its location tells. */
    FileTime builtAt(Bundle bundle) {
        String location = bundle.getLocation();
        Path jar = location.startsWith(EMBEDDED_PREFIX) ? embeddedFile(location.substring(EMBEDDED_PREFIX.length()))
                : jarFile(location);
        try {
            if (jar != null && Files.isRegularFile(jar)) {
                return Files.getLastModifiedTime(jar);
            }
        } catch (java.io.IOException e) {
            // as for a bundle installed from a stream
        }
        return FileTime.fromMillis(bundle.getLastModified());
    }

    /** The file an embedded bundle's time is read from: the launcher's jar, or the bundle's file in its folder. */
    private Path embeddedFile(String resource) {
        if (launcher == null) {
            return null;
        }
        return Files.isDirectory(launcher) ? launcher.resolve(resource) : launcher;
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
