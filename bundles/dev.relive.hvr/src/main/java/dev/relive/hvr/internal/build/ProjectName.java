package dev.relive.hvr.internal.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.Processor;

/**
 * The {@code Bundle-SymbolicName} a bundle project builds, as the Maven build (bnd-maven-plugin) gives it: its
 * {@code bnd.bnd}'s, includes and macros resolved, else the pom's {@code artifactId}, else the folder's name. This,
 * not the folder's name, is what matches a project to an installed bundle.
 */
public final class ProjectName {

    private record Known(List<FileTime> stamps, String name) {
    }

    private static final Map<Path, Known> KNOWN = new ConcurrentHashMap<>();

    private ProjectName() {
    }

    public static String of(Path projectDir) {
        Path project = projectDir.toAbsolutePath().normalize();
        List<FileTime> stamps = List.of(stamp(project.resolve("bnd.bnd")), stamp(project.resolve("pom.xml")));
        Known known = KNOWN.get(project);
        if (known != null && known.stamps().equals(stamps)) {
            return known.name();
        }
        String name = read(project);
        KNOWN.put(project, new Known(stamps, name));
        return name;
    }

    /** The artifact id bnd's {@code ${project.artifactId}} stands for: the pom's, else the folder's name. */
    static String artifactId(Path project, PomInfo pom) {
        return pom.artifactId().orElse(project.getFileName().toString());
    }

    private static String read(Path project) {
        String artifactId = artifactId(project, PomInfo.read(project));
        Path bnd = project.resolve("bnd.bnd");
        if (!Files.isRegularFile(bnd)) {
            return artifactId;
        }
        try (Processor processor = new Processor()) {
            processor.setBase(project.toFile());
            processor.setProperties(bnd.toFile());
            processor.setProperty("project.basedir", project.toString());
            processor.setProperty("project.artifactId", artifactId);
            processor.setProperty("project.build.directory", project.resolve("target").toString());
            String header = processor.getProperty(Constants.BUNDLE_SYMBOLICNAME);
            String name = header == null ? "" : header.split(";", 2)[0].strip();
            return name.isEmpty() ? artifactId : name;
        } catch (Exception e) { // an unreadable bnd.bnd fails the build, which says why
            return artifactId;
        }
    }

    private static FileTime stamp(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.getLastModifiedTime(file) : FileTime.fromMillis(0);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
