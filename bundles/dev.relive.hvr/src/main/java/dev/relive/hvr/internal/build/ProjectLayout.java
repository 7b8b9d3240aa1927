package dev.relive.hvr.internal.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.relive.runtime.spi.TemplateFiles;

/**
 * Where things are in a bundle project (the Maven layout): Java sources under {@value #SOURCES}, resources (view
 * templates among them) under {@value #RESOURCES}, a template at the path the runtime reads it from
 * ({@code TemplateFiles.pathOf}) below the resources.
 */
public final class ProjectLayout {

    public static final String SOURCES = "src/main/java";
    /** The largest source {@link #isBlankSource} reads: an emptied file's few line breaks. */
    private static final long BLANK_SOURCE_MAX = 16;
    public static final String RESOURCES = TemplateFiles.RESOURCES;
    /** Test sources and resources: not in the bundle, so a save there builds nothing. */
    public static final String TESTS = "src/test";

    private ProjectLayout() {
    }

    public static Path sources(Path project) {
        return project.resolve(SOURCES);
    }

    public static Path resources(Path project) {
        return project.resolve(RESOURCES);
    }

    /** Whether {@code file} is a test source or resource of {@code project}, which the bundle does not hold. */
    public static boolean isTest(Path project, Path file) {
        return file.startsWith(project.resolve(TESTS));
    }

    /** Whether {@code file} is a view template of {@code project}. */
    public static boolean isTemplate(Path project, Path file) {
        return file.startsWith(resources(project)) && TemplateFiles.isTemplate(file.getFileName().toString());
    }

    /** The resource path of {@code file} in the bundle, with {@code /} separators, e.g. {@code a/b/View.peb}. */
    public static String resourcePath(Path project, Path file) {
        return resources(project).relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /**
     * Whether the Java source {@code file}, of {@code size} bytes, holds nothing but white space: what an editor
     * leaves between truncating a file and writing it, never code. Only a file of a few bytes is read.
     */
    public static boolean isBlankSource(Path file, long size) throws IOException {
        return size == 0 || size <= BLANK_SOURCE_MAX
                && new String(Files.readAllBytes(file), StandardCharsets.UTF_8).isBlank();
    }
}
