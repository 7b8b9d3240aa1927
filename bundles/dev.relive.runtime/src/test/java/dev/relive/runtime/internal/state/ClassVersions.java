package dev.relive.runtime.internal.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import dev.relive.api.LiveView;

/** Versions of a class compiled from source into their own folders, each loaded by its own class loader. */
final class ClassVersions {

    private ClassVersions() {
    }

    /**
     * Compiles {@code sources} (relative path to text) into {@code dir/<variant>/classes} against dev.relive.api and
     * {@code classPath}, with parameter names kept, and loads them in a new class loader under {@code parent}.
     */
    static URLClassLoader compileAndLoad(Path dir, String variant, Map<String, String> sources, List<Path> classPath,
            ClassLoader parent) throws IOException {
        Path root = Files.createDirectories(dir.resolve(variant));
        Path sourceRoot = root.resolve("src");
        Path classes = Files.createDirectories(root.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-parameters", "-g", "-proc:none",
                "-d", classes.toString(), "-cp", classPath(classPath)));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceRoot.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int code = javac.run(null, null, null, arguments.toArray(String[]::new));
        if (code != 0) {
            throw new AssertionError("compile of " + variant + " failed (see the compiler's output above)");
        }
        try {
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, parent);
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String classPath(List<Path> extra) {
        List<Path> paths = new ArrayList<>(extra);
        paths.add(locationOf(LiveView.class));
        return paths.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
