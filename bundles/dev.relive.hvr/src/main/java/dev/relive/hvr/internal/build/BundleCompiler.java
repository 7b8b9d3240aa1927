package dev.relive.hvr.internal.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles every {@code .java} file of a bundle project's {@code src/main/java} in-process with javac, against a
 * {@link ClassPath}, with {@link #OPTIONS}. One standard file manager is kept across compiles so opened jars and
 * loaded compiler classes stay warm; {@link #warmUp()} pays the cold start ahead of the first save.
 *
 * <p>Compile errors are returned in the {@link CompileResult}, never thrown. Threading: compiles are serialized.
 */
public final class BundleCompiler implements AutoCloseable {

    public static final List<String> OPTIONS =
            List.of("--release", "17", "-proc:none", "-g", "-parameters", "-encoding", "UTF-8");
    static final String SOURCES = "src/main/java";

    private final JavaCompiler javac;
    private final StandardJavaFileManager standard;
    private final ClassPath classPath;

    /** @throws NoJavaCompilerException when the runtime has no system Java compiler */
    public BundleCompiler(ClassPath classPath) {
        this.javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new NoJavaCompilerException();
        }
        this.standard = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        this.classPath = classPath;
    }

    /** A compiler whose class path is the given jars or class folders. */
    public static BundleCompiler forJars(List<Path> classPath) {
        return new BundleCompiler(new JarClassPath(classPath));
    }

    /**
     * Compiles the project into {@code outputDir}, which must be absent or empty. The project's bundle symbolic name
     * is its folder's name; its own packages are compiled from source only.
     */
    public synchronized CompileResult compile(Path projectDir, Path outputDir) {
        long start = System.nanoTime();
        Path sourceRoot = projectDir.toAbsolutePath().normalize().resolve(SOURCES);
        try {
            prepareOutput(outputDir);
            List<Path> sources = sources(sourceRoot);
            if (sources.isEmpty()) {
                return result(outputDir, List.of(new CompileError(sourceRoot, 0, 0, "no Java sources")), start);
            }
            String bsn = projectDir.toAbsolutePath().normalize().getFileName().toString();
            standard.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of(sourceRoot));
            standard.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(outputDir));
            JavaFileManager fileManager = classPath.fileManager(standard, bsn, packagesOf(sourceRoot, sources));
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            javac.getTask(null, fileManager, diagnostics, OPTIONS, null, standard.getJavaFileObjectsFromPaths(sources))
                    .call();
            return result(outputDir, errors(diagnostics, sourceRoot), start);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compile " + projectDir, e);
        }
    }

    /** Compiles a trivial class once, so the first real compile is not a cold one. */
    public void warmUp() {
        Path project = null;
        try {
            project = Files.createTempDirectory("relive-warmup");
            Path source = Files.createDirectories(project.resolve(SOURCES).resolve("relive/warmup"));
            Files.writeString(source.resolve("WarmUp.java"), """
                    package relive.warmup;

                    import java.util.ArrayList;
                    import java.util.List;

                    public class WarmUp {
                        private final List<String> names = new ArrayList<>();

                        public int add(String name) {
                            names.add(name);
                            return names.size();
                        }
                    }
                    """);
            CompileResult result = compile(project, project.resolve("classes"));
            if (!result.success()) {
                throw new IllegalStateException("warm-up compile failed: " + result.errors());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (project != null) {
                Folders.deleteRecursively(project);
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        standard.close();
    }

    private static void prepareOutput(Path outputDir) throws IOException {
        if (Files.isDirectory(outputDir)) {
            try (Stream<Path> children = Files.list(outputDir)) {
                if (children.findAny().isPresent()) {
                    throw new IllegalArgumentException("output folder is not empty: " + outputDir);
                }
            }
        }
        Files.createDirectories(outputDir);
    }

    private static List<Path> sources(Path sourceRoot) throws IOException {
        if (!Files.isDirectory(sourceRoot)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            return files.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    private static Set<String> packagesOf(Path sourceRoot, List<Path> sources) {
        Set<String> packages = new TreeSet<>();
        for (Path source : sources) {
            Path dir = sourceRoot.relativize(source).getParent();
            packages.add(dir == null ? "" : dir.toString().replace(dir.getFileSystem().getSeparator(), "."));
        }
        return packages;
    }

    private static List<CompileError> errors(DiagnosticCollector<JavaFileObject> diagnostics, Path sourceRoot) {
        List<CompileError> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                URI uri = d.getSource() == null ? null : d.getSource().toUri();
                Path file = uri != null && "file".equals(uri.getScheme()) ? Path.of(uri) : sourceRoot;
                errors.add(new CompileError(file, Math.max(0, d.getLineNumber()), Math.max(0, d.getColumnNumber()),
                        d.getMessage(Locale.ROOT)));
            }
        }
        return errors;
    }

    private static CompileResult result(Path outputDir, List<CompileError> errors, long start) {
        return new CompileResult(outputDir, errors, Duration.ofNanos(System.nanoTime() - start));
    }
}
