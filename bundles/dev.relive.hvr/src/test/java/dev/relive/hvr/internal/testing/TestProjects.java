package dev.relive.hvr.internal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import dev.relive.api.LiveView;
import dev.relive.hvr.internal.build.BundleCompiler;
import dev.relive.hvr.internal.build.CompileResult;

/** Bundle projects in a temp workspace laid out like the real one, and the class path to compile them. */
public final class TestProjects {

    /** The real workspace: tests run with the hvr module as working folder. */
    public static final Path REAL_WORKSPACE = Path.of("../..").toAbsolutePath().normalize();

    private TestProjects() {
    }

    /** A workspace with the real root {@code bnd.bnd} and {@code cnf/build.bnd}. */
    public static Path workspace(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("cnf"));
        Files.copy(REAL_WORKSPACE.resolve("bnd.bnd"), dir.resolve("bnd.bnd"));
        Files.copy(REAL_WORKSPACE.resolve("cnf/build.bnd"), dir.resolve("cnf/build.bnd"));
        Files.createDirectories(dir.resolve("bundles"));
        return dir;
    }

    /** A bundle project {@code bundles/<name>} with a bnd.bnd including the workspace's and the given sources. */
    public static Path project(Path workspace, String name, Map<String, String> javaSources) throws IOException {
        Path project = workspace.resolve("bundles").resolve(name);
        Files.createDirectories(project.resolve("src/main/java"));
        Files.createDirectories(project.resolve("src/main/resources"));
        Files.writeString(project.resolve("bnd.bnd"), "-include: ${.}/../../bnd.bnd\n");
        Files.writeString(project.resolve("pom.xml"), """
                <project>
                  <parent><groupId>t</groupId><artifactId>p</artifactId><version>1</version>
                    <relativePath>../../pom.xml</relativePath></parent>
                  <artifactId>%s</artifactId>
                  <name>Test views %s</name>
                </project>
                """.formatted(name, name));
        Files.writeString(workspace.resolve("pom.xml"), "<project><description>Test workspace</description></project>");
        for (Map.Entry<String, String> source : javaSources.entrySet()) {
            writeSource(project, source.getKey(), source.getValue());
        }
        return project;
    }

    public static Path writeSource(Path project, String relative, String content) throws IOException {
        Path file = project.resolve("src/main/java").resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content).toAbsolutePath().normalize();
    }

    /** dev.relive.api plus the OSGi annotation jars, from the test class path. */
    public static List<Path> compileClassPath() {
        return List.of(locationOf(LiveView.class), locationOf(Component.class),
                locationOf(org.osgi.annotation.versioning.Version.class), locationOf(ObjectClassDefinition.class));
    }

    public static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Compiles {@code sources} as project {@code bundles/<name>} of a workspace in {@code dir/<variant>} and loads
     * the classes in a new class loader with the given parent.
     */
    public static URLClassLoader compileAndLoad(BundleCompiler compiler, Path dir, String variant, String name,
            Map<String, String> sources, ClassLoader parent) throws IOException {
        Path workspace = Files.createDirectories(dir.resolve(variant));
        Path project = project(workspace, name, sources);
        CompileResult result = compiler.compile(project, workspace.resolve("classes"));
        if (!result.success()) {
            throw new AssertionError("compile of " + variant + " failed: " + result.errors());
        }
        return loader(result.outputDir(), parent);
    }

    public static URLClassLoader loader(Path classes, ClassLoader parent) {
        try {
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, parent);
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}
