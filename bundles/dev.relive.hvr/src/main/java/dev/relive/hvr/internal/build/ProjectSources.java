package dev.relive.hvr.internal.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The Java sources of a project's source root: the files, their packages and their stamps. */
final class ProjectSources {

    private ProjectSources() {
    }

    /** The sources' stamps; a digest is computed only for files whose time or size changed since {@code previous}. */
    static Map<Path, ProjectOutput.SourceStamp> stamps(List<Path> sources, ProjectOutput previous)
            throws IOException {
        Map<Path, ProjectOutput.SourceStamp> stamps = new HashMap<>();
        for (Path file : sources) {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            long modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            ProjectOutput.SourceStamp known = previous == null ? null : previous.stamp(file);
            if (known != null && known.modified() == modified && known.size() == attributes.size()) {
                stamps.put(file, known);
            } else {
                stamps.put(file, new ProjectOutput.SourceStamp(modified, attributes.size(), digest(file)));
            }
        }
        return stamps;
    }

    private static String digest(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> of(Path sourceRoot) throws IOException {
        if (!Files.isDirectory(sourceRoot)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            return files.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    /** {@code a/b/View.java} for {@code sourceRoot/a/b/View.java}. */
    static String relativePath(Path sourceRoot, Path file) {
        return sourceRoot.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    static Set<String> packagesOf(Path sourceRoot, List<Path> sources) {
        Set<Path> folders = new java.util.HashSet<>();
        for (Path source : sources) {
            folders.add(source.getParent());
        }
        Set<String> packages = new TreeSet<>();
        for (Path folder : folders) {
            String relative = sourceRoot.relativize(folder).toString();
            packages.add(relative.replace(folder.getFileSystem().getSeparator(), "."));
        }
        return packages;
    }
}
