package dev.relive.hvr.internal.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles every {@code .java} file of a bundle project's {@code src/main/java} in-process against a
 * {@link ClassPath}, with {@link #OPTIONS}. The compiler is the Eclipse compiler (ecj, embedded in this bundle:
 * about 2-3 times faster than javac on a warm small compile) when it is available, else the JDK's javac; the system
 * property {@value #COMPILER_PROPERTY}{@code =javac} forces javac. When ecj fails inside (an exception, not a
 * compile error) or cannot compile the warm-up classes, the compiler falls back to javac for good. One standard file
 * manager is kept across compiles so opened jars and loaded compiler classes stay warm; {@link #warmUp()} pays the
 * cold start ahead of the first save.
 *
 * <p>Compile errors are returned in the {@link CompileResult}, never thrown. Threading: compiles are serialized.
 */
public final class BundleCompiler implements AutoCloseable {

    /** javac's options; ecj gets the same ones plus {@code -nowarn -preserveAllLocals}. */
    public static final List<String> OPTIONS =
            List.of("--release", "17", "-proc:none", "-g", "-parameters", "-encoding", "UTF-8");
    /** System property choosing the compiler: {@code javac}, or {@code ecj} (the default when it is available). */
    public static final String COMPILER_PROPERTY = "relive.hvr.compiler";
    static final int WARM_UP_ROUNDS = 5;

    private static final Logger LOG = LoggerFactory.getLogger("dev.relive.hvr");
    /** Sources compiled by {@link #warmUp()}, resources {@code warm-up/<name>.txt} beside this class. */
    private static final List<String> WARM_UP_SOURCES = List.of("WarmUp.java", "Shape.java");

    private static final String OUTPUT_PREFIX = "relive-hvr-classes-";
    /** Incremental compiles of one save, each adding the sources that use an API the last one changed. */
    private static final int INCREMENTAL_ROUNDS = 3;

    private final ClassPath classPath;
    private final Map<Path, ProjectOutput> outputs = new HashMap<>(); // guarded by this; by project folder
    /** Output folders whose classes were merged elsewhere, deleted at the end of {@link #build}; guarded by this. */
    private final List<Path> emptied = new ArrayList<>();
    private CompilerEngine engine; // guarded by this; replaced by javac when ecj fails
    private long compilerNanos; // guarded by this; time inside the compiler since the current build started
    private volatile Path work; // where the output folders are made; null: the system's temporary folder

    /** @throws NoJavaCompilerException when neither ecj nor the JDK's javac is available */
    public BundleCompiler(ClassPath classPath) {
        this(classPath, System.getProperty(COMPILER_PROPERTY, "ecj"));
    }

    /** @param compiler {@code javac}, or {@code ecj} to use ecj when it is available */
    BundleCompiler(ClassPath classPath, String compiler) {
        this(classPath, compiler, true);
    }

    private BundleCompiler(ClassPath classPath, String compiler, boolean logChoice) {
        this.classPath = classPath;
        String why = "";
        CompilerEngine chosen = null;
        if (!"javac".equalsIgnoreCase(compiler.trim())) {
            try {
                chosen = CompilerEngine.ecj();
            } catch (IllegalStateException e) {
                why = " (" + e.getMessage() + ")";
            }
        } else {
            why = " (" + COMPILER_PROPERTY + "=javac)";
        }
        if (chosen == null) {
            chosen = CompilerEngine.javac();
        }
        if (chosen == null) {
            throw new NoJavaCompilerException();
        }
        this.engine = chosen;
        if (logChoice) {
            LOG.info("HVR: compiler {}{}", chosen.name(), why);
        }
    }

    /** One more compiler on {@code classPath}, chosen as the first one was, for builds beside that one's. */
    public static BundleCompiler another(ClassPath classPath) {
        return new BundleCompiler(classPath, System.getProperty(COMPILER_PROPERTY, "ecj"), false);
    }

    /** A compiler whose class path is the given jars or class folders. */
    public static BundleCompiler forJars(List<Path> classPath) {
        return new BundleCompiler(new JarClassPath(classPath));
    }

    /**
     * Makes this compiler's output folders in {@code folder}, which must exist, instead of the system's temporary
     * folder; null: the system's.
     */
    public BundleCompiler workIn(Path folder) {
        this.work = folder;
        return this;
    }

    /** Where this compiler makes its output folders; null: the system's temporary folder. */
    public Path work() {
        return work;
    }

    /** A new folder, named {@code prefix} and a number, where this compiler makes its output folders. */
    public Path newFolder(String prefix) throws IOException {
        Path folder = work;
        return folder == null ? Files.createTempDirectory(prefix) : Files.createTempDirectory(folder, prefix);
    }

    /** The compiler in use, e.g. {@code ecj 3.46.100} or {@code javac 17.0.13}. */
    public synchronized String compilerName() {
        return engine.name();
    }

    /**
     * Compiles the project into {@code outputDir}, which must be absent or empty. The project's bundle symbolic name
     * is its folder's name; its own packages are compiled from source only. A project without a source folder
     * compiles to nothing, successfully: it holds resources only; one whose source folder holds no source fails.
     */
    public synchronized CompileResult compile(Path projectDir, Path outputDir) {
        return compile(projectDir, outputDir, null);
    }

    /** As {@link #compile(Path, Path)}; ecj ends the compile early, with no error, once {@code cancel} says so. */
    private synchronized CompileResult compile(Path projectDir, Path outputDir, BooleanSupplier cancel) {
        long start = System.nanoTime();
        compilerNanos = 0;
        Path sourceRoot = projectDir.toAbsolutePath().normalize().resolve(ProjectLayout.SOURCES);
        try {
            Folders.createEmpty(outputDir);
            List<Path> sources = ProjectSources.of(sourceRoot);
            if (sources.isEmpty()) {
                // a project without the folder holds resources only (templates, a layout); one whose folder is
                // there but empty is more likely caught halfway (a checkout, a move) than meant to lose its classes
                List<CompileError> errors = Files.isDirectory(sourceRoot)
                        ? List.of(new CompileError(sourceRoot, 0, 0, "no Java sources")) : List.of();
                return result(outputDir, errors, start, 0, 0);
            }
            String bsn = ProjectName.of(projectDir);
            Set<String> packages = ProjectSources.packagesOf(sourceRoot, sources);
            List<CompileError> errors = compileWith(sourceRoot, sources, outputDir, bsn, packages, null, cancel);
            return result(outputDir, errors, start, sources.size(), sources.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compile " + projectDir, e);
        }
    }

    /**
     * Compiles the project, only its changed sources when it can (see {@link ProjectOutput}), and hands the complete
     * output to {@code use} while no other build can change it. The output folder belongs to this compiler: callers
     * read it inside {@code use} and neither keep nor change it. When a changed source changes an API that unchanged
     * classes use, their sources are compiled with it. The first build of a project, a deleted source, a changed
     * constant or a changed class path compiles every source.
     */
    public synchronized <T> T build(Path projectDir, Function<CompileResult, T> use) {
        long start = System.nanoTime();
        compilerNanos = 0;
        Path project = projectDir.toAbsolutePath().normalize();
        Path sourceRoot = project.resolve(ProjectLayout.SOURCES);
        String bsn = ProjectName.of(project);
        ProjectOutput previous = outputs.get(project);
        Path fresh = null;
        try {
            List<Path> sources = ProjectSources.of(sourceRoot);
            Map<Path, ProjectOutput.SourceStamp> stamps = ProjectSources.stamps(sources, previous);
            List<CompileError> emptied = emptiedSources(stamps);
            if (!emptied.isEmpty()) {
                fresh = newFolder(OUTPUT_PREFIX + bsn + "-");
                return use.apply(result(fresh, emptied, start, 0, sources.size()));
            }
            String classPathStamp = classPath.stamp(bsn);
            List<Path> changed = previous == null || sources.isEmpty() ? null
                    : previous.changedSources(stamps, classPathStamp);
            if (changed != null && changed.isEmpty()) {
                return use.apply(result(previous, start, 0, sources.size()));
            }
            if (changed != null) {
                CompileResult incremental = compileIncrementally(project, sources, changed, previous, stamps, start);
                if (incremental != null) {
                    boolean merged = incremental.success();
                    try {
                        return use.apply(incremental);
                    } finally {
                        if (!merged) {
                            Folders.deleteRecursively(incremental.outputDir());
                        }
                    }
                }
            }
            fresh = newFolder(OUTPUT_PREFIX + bsn + "-");
            CompileResult full = compile(project, fresh);
            if (!full.success()) {
                return use.apply(result(fresh, full.errors(), start, sources.size(), sources.size()));
            }
            outputs.put(project, ProjectOutput.of(fresh, stamps, classPathStamp));
            fresh = null;
            if (previous != null) {
                Folders.deleteRecursively(previous.folder());
            }
            return use.apply(result(outputs.get(project), start, sources.size(), sources.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compile " + projectDir, e);
        } finally {
            if (fresh != null) {
                Folders.deleteRecursively(fresh);
            }
            for (Path folder : emptied) {
                try {
                    Folders.deleteRecursively(folder);
                } catch (UncheckedIOException e) {
                    LOG.debug("HVR: {}", e.toString()); // an empty folder left in the compiler's work folder
                }
            }
            emptied.clear();
        }
    }

    /**
     * The sources that hold nothing but white space, each as an error: an empty source compiles to no class at all, so
     * building it would remove its classes from the running bundle (and close the pages of a view it declares) while
     * an editor that empties a file before writing it is only halfway through its save. A class is removed by deleting
     * its file.
     */
    private static List<CompileError> emptiedSources(Map<Path, ProjectOutput.SourceStamp> stamps) throws IOException {
        List<CompileError> errors = new ArrayList<>();
        for (Map.Entry<Path, ProjectOutput.SourceStamp> entry : stamps.entrySet()) {
            if (ProjectLayout.isBlankSource(entry.getKey(), entry.getValue().size())) {
                errors.add(new CompileError(entry.getKey(), 0, 0, "the file is empty, so it was not compiled (its "
                        + "classes stay as they were; delete the file to remove them)"));
            }
        }
        errors.sort(Comparator.comparing(CompileError::file));
        return errors;
    }

    /**
     * Compiles {@code changed} (and the sources using an API they change) against {@code previous}'s classes and
     * merges them into it; a failed result holds the errors (and a folder the caller deletes); {@code null} when
     * every source must be compiled.
     */
    private CompileResult compileIncrementally(Path project, List<Path> sources, List<Path> changed,
            ProjectOutput previous, Map<Path, ProjectOutput.SourceStamp> stamps, long start) throws IOException {
        Path sourceRoot = project.resolve(ProjectLayout.SOURCES);
        String bsn = ProjectName.of(project);
        Set<String> packages = ProjectSources.packagesOf(sourceRoot, sources);
        Set<String> relative = new TreeSet<>();
        changed.forEach(file -> relative.add(ProjectSources.relativePath(sourceRoot, file)));
        for (int round = 0; round < INCREMENTAL_ROUNDS; round++) {
            List<Path> files = relative.stream().map(sourceRoot::resolve).toList();
            Path fresh = newFolder(OUTPUT_PREFIX + bsn + "-");
            List<CompileError> errors = compileWith(sourceRoot, files, fresh, bsn, packages, previous.folder(), null);
            if (!errors.isEmpty()) {
                return result(fresh, errors, start, files.size(), sources.size());
            }
            Map<String, ClassOutline> outlines = ProjectOutput.outlinesIn(fresh);
            ProjectOutput.Plan plan = previous.plan(relative, outlines);
            if (plan.merge()) {
                ProjectOutput merged = previous.merge(relative, fresh, outlines, stamps);
                emptied.add(fresh); // its files moved: deleted once the build has been used, off the save's path
                outputs.put(project, merged);
                return result(merged, start, files.size(), sources.size());
            }
            Folders.deleteRecursively(fresh);
            if (plan.full()) {
                return null;
            }
            relative.addAll(plan.more());
        }
        return null;
    }

    /**
     * Compiles a few JDK-only classes with the constructs views use (records, enums, switch expressions, lambdas and
     * streams, generics, nested and anonymous classes, annotations) {@value #WARM_UP_ROUNDS} times, so that the first
     * real compiles are not cold ones: the compiler's classes are loaded and its hot paths compiled by the JIT. Falls
     * back to javac when ecj cannot compile them.
     */
    public void warmUp() {
        warmUp(() -> false);
    }

    /**
     * As {@link #warmUp()}, ending early, between two compiles, once {@code stop} says so: a build waiting for this
     * compiler (compiles are serialized, and a monitor is not fair) waits for one warm-up compile at most.
     */
    public void warmUp(BooleanSupplier stop) {
        Path project = null;
        try {
            project = newFolder("relive-warmup");
            Path source = Files.createDirectories(project.resolve(ProjectLayout.SOURCES).resolve("relive/warmup"));
            for (String name : WARM_UP_SOURCES) {
                try (InputStream text = BundleCompiler.class.getResourceAsStream("warm-up/" + name + ".txt")) {
                    Files.copy(text, source.resolve(name));
                }
            }
            for (int round = 0; round < WARM_UP_ROUNDS && !stop.getAsBoolean(); round++) {
                // a save waiting for this compiler ends the compile under way too, not only the rounds after it
                CompileResult result = compile(project, project.resolve("classes" + round), stop);
                if (!result.success() && round == 0
                        && fallBackToJavac("cannot compile the warm-up classes: " + result.errors())) {
                    result = compile(project, project.resolve("classes-javac"));
                }
                if (!result.success()) {
                    throw new IllegalStateException("warm-up compile failed: " + result.errors());
                }
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
        outputs.values().forEach(output -> Folders.deleteRecursively(output.folder()));
        outputs.clear();
        engine.close();
    }

    private List<CompileError> compileWith(Path sourceRoot, List<Path> sources, Path outputDir, String bsn,
            Set<String> packages, Path ownClasses, BooleanSupplier cancel) throws IOException {
        long started = System.nanoTime();
        try {
            return engine.compile(classPath, sourceRoot, sources, outputDir, bsn, packages, ownClasses, cancel);
        } catch (CompilerEngine.CompilerFailure e) {
            if (interrupted(e) || !fallBackToJavac(e.getMessage())) {
                throw e;
            }
            Folders.deleteRecursively(outputDir);
            Files.createDirectories(outputDir);
            return engine.compile(classPath, sourceRoot, sources, outputDir, bsn, packages, ownClasses, cancel);
        } finally {
            compilerNanos += System.nanoTime() - started;
        }
    }

    /** Whether the compile was stopped by an interrupt (HVR stopping), which says nothing about the compiler. */
    private static boolean interrupted(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return Thread.currentThread().isInterrupted();
    }

    /** Replaces ecj by javac for good; false when javac is in use already or the runtime has none. */
    private synchronized boolean fallBackToJavac(String why) {
        if (!engine.isEcj()) {
            return false;
        }
        CompilerEngine javac = CompilerEngine.javac();
        if (javac == null) {
            LOG.warn("HVR: {}; no javac to fall back to", why);
            return false;
        }
        LOG.warn("HVR: {}; compiler {} from now on", why, javac.name());
        CompilerEngine ecj = engine;
        engine = javac;
        try {
            ecj.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("HVR: closing {}: {}", ecj.name(), e.toString());
        }
        return true;
    }

    private CompileResult result(ProjectOutput output, long start, int compiled, int sources) {
        return new CompileResult(output.folder(), List.of(), Duration.ofNanos(System.nanoTime() - start), compiled,
                sources, Duration.ofNanos(compilerNanos), output.classes());
    }

    private CompileResult result(Path outputDir, List<CompileError> errors, long start, int compiled, int sources) {
        return new CompileResult(outputDir, errors, Duration.ofNanos(System.nanoTime() - start), compiled, sources,
                Duration.ofNanos(compilerNanos));
    }
}
