package dev.relive.hvr.internal.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One compiler with the standard file manager that is kept across its compiles: the Eclipse compiler (ecj, embedded
 * in the hvr bundle and loaded by name, so the bundle still works without it) or the JDK's javac. Both get the same
 * class path through {@link ClassPath#fileManager}; ecj reads the platform classes from the running JDK's (or JRE's)
 * module image itself, so it needs no JDK. javac runs through {@code javax.tools}; ecj is driven directly
 * ({@link EcjCompile}, which keeps what it read across compiles), or through {@code javax.tools} when its batch
 * compiler cannot be set up.
 *
 * <p>Threading: one compile at a time (the owning {@link BundleCompiler} serializes them).
 */
final class CompilerEngine implements AutoCloseable {

    static final String ECJ_CLASS = "org.eclipse.jdt.internal.compiler.tool.EclipseCompiler";
    /**
     * ecj: javac's options, without warnings (they are never reported, and computing them costs time), and with
     * unused locals kept in the class files as javac keeps them, for the debugger.
     */
    static final List<String> ECJ_OPTIONS =
            Stream.concat(BundleCompiler.OPTIONS.stream(), Stream.of("-nowarn", "-preserveAllLocals")).toList();
    /** The code of ecj's diagnostic for an exception inside the compiler (not a compile error). */
    private static final String ECJ_EXCEPTION = "exception";

    private static final Logger LOG = LoggerFactory.getLogger("dev.relive.hvr");

    private final String name;
    private final JavaCompiler tool;
    private final StandardJavaFileManager standard;
    private final List<String> options;
    private final boolean ecj;
    /** ecj driven directly (see {@link EcjCompile}); made on the first compile; null for javac */
    private EcjCompile direct;
    private boolean directTried;

    private CompilerEngine(String name, JavaCompiler tool, List<String> options, boolean ecj) {
        this.name = name;
        this.tool = tool;
        this.standard = tool.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        this.options = options;
        this.ecj = ecj;
    }

    /** @throws IllegalStateException when ecj is not on the class path or cannot be created */
    static CompilerEngine ecj() {
        ClassLoader loader = CompilerEngine.class.getClassLoader();
        try {
            JavaCompiler tool = (JavaCompiler) Class.forName(ECJ_CLASS, true, loader).getDeclaredConstructor()
                    .newInstance();
            return new CompilerEngine("ecj " + ecjVersion(loader), tool, ECJ_OPTIONS, true);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            throw new IllegalStateException("ecj is not available: " + e, e);
        }
    }

    /** The JDK's javac, or {@code null} on a runtime without one (a JRE). */
    static CompilerEngine javac() {
        JavaCompiler tool = ToolProvider.getSystemJavaCompiler();
        return tool == null ? null
                : new CompilerEngine("javac " + System.getProperty("java.version"), tool, BundleCompiler.OPTIONS, false);
    }

    /** e.g. {@code ecj 3.46.100} or {@code javac 17.0.13} */
    String name() {
        return name;
    }

    boolean isEcj() {
        return ecj;
    }

    /**
     * Compiles {@code sources} into {@code outputDir}; with {@code ownClasses}, the project's other classes are taken
     * from that folder (the output of an earlier compile) instead of from their sources. ecj driven directly ends
     * early, without an error, once {@code cancel} (when given) says so; the output is then incomplete.
     *
     * @return the compile errors, in the compiler's order
     * @throws CompilerFailure when ecj failed inside (an exception, not a compile error)
     */
    List<CompileError> compile(ClassPath classPath, Path sourceRoot, List<Path> sources, Path outputDir,
            String bundleSymbolicName, Set<String> ownPackages, Path ownClasses, BooleanSupplier cancel)
            throws IOException {
        EcjCompile ecjDirect = direct(outputDir);
        if (ecjDirect != null) {
            JavaFileManager libraries = classPath.fileManager(standard, bundleSymbolicName, ownPackages);
            String key = System.identityHashCode(classPath) + "|" + bundleSymbolicName + "|" + ownPackages + "|"
                    + classPath.stamp(bundleSymbolicName);
            try {
                return ecjDirect.compile(libraries, key, ownPackages, ownClasses, sourceRoot, sources, outputDir,
                        cancel);
            } catch (RuntimeException | LinkageError e) {
                throw new CompilerFailure(name + " failed: " + e, e);
            }
        }
        standard.setLocationFromPaths(StandardLocation.SOURCE_PATH,
                ownClasses == null ? List.of(sourceRoot) : List.of());
        standard.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(outputDir));
        JavaFileManager fileManager = classPath.fileManager(standard, bundleSymbolicName, ownPackages);
        if (ownClasses != null) {
            List<Path> entries = new ArrayList<>();
            Iterable<? extends Path> configured = standard.getLocationAsPaths(StandardLocation.CLASS_PATH);
            if (configured != null) {
                configured.forEach(entries::add);
            }
            entries.add(ownClasses);
            standard.setLocationFromPaths(StandardLocation.CLASS_PATH, entries);
        }
        if (ecj && fileManager instanceof StandardJavaFileManager) {
            // given a standard file manager, ecj takes the platform classes of the running JDK, not those of
            // --release; through any other file manager it honours --release (and reads the class path the same
            // way as FrameworkFileManager's)
            fileManager = new ForwardingJavaFileManager<>(fileManager) {
                @Override
                public void close() {
                    // the standard file manager is shared across compiles and closed by close()
                }
            };
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Iterable<? extends JavaFileObject> units = standard.getJavaFileObjectsFromPaths(sources);
        if (!ecj) {
            tool.getTask(null, fileManager, diagnostics, options, null, units).call();
            return errors(diagnostics, sourceRoot);
        }
        StringWriter log = new StringWriter(); // ecj's own log: the problems (also in the diagnostics), exceptions
        try {
            tool.getTask(log, fileManager, diagnostics, options, null, units).call();
        } catch (RuntimeException | LinkageError e) {
            throw new CompilerFailure(name + " failed: " + e, e);
        }
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (ECJ_EXCEPTION.equals(d.getCode())) {
                String text = log.toString();
                throw new CompilerFailure(name + " failed: " + d.getMessage(Locale.ROOT) + System.lineSeparator()
                        + text.substring(0, Math.min(text.length(), 4000)), null);
            }
        }
        return errors(diagnostics, sourceRoot);
    }

    /** ecj driven directly, made on first use; null for javac, or when ecj's batch compiler cannot be set up. */
    private EcjCompile direct(Path outputDir) throws IOException {
        if (!ecj || directTried) {
            return direct;
        }
        directTried = true;
        Path scratch = Files.createTempDirectory(outputDir.toAbsolutePath().getParent(), "ecj-options-");
        try {
            direct = new EcjCompile(options, scratch);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("HVR: {} cannot be driven directly ({}); compiling through javax.tools", name, e.toString());
        } finally {
            Folders.deleteRecursively(scratch);
        }
        return direct;
    }

    @Override
    public void close() throws IOException {
        if (direct != null) {
            direct.close();
        }
        standard.close();
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

    /** ecj's version, from its messages ({@code compiler.version = v20260826-1225, 3.46.100}). */
    private static String ecjVersion(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream("org/eclipse/jdt/internal/compiler/batch/messages.properties")) {
            Properties messages = new Properties();
            if (in != null) {
                messages.load(in);
            }
            String version = messages.getProperty("compiler.version", "");
            return version.isBlank() ? "(unknown version)" : version.substring(version.lastIndexOf(',') + 1).trim();
        } catch (IOException | IllegalArgumentException e) {
            return "(unknown version)";
        }
    }

    /** The compiler failed inside: its result says nothing about the sources. */
    static final class CompilerFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        CompilerFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
