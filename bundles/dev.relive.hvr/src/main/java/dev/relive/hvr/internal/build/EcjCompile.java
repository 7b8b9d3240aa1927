package dev.relive.hvr.internal.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

import org.eclipse.jdt.core.compiler.CategorizedProblem;
import org.eclipse.jdt.core.compiler.CharOperation;
import org.eclipse.jdt.core.compiler.CompilationProgress;
import org.eclipse.jdt.internal.compiler.ClassFile;
import org.eclipse.jdt.internal.compiler.CompilationResult;
import org.eclipse.jdt.internal.compiler.Compiler;
import org.eclipse.jdt.internal.compiler.DefaultErrorHandlingPolicies;
import org.eclipse.jdt.internal.compiler.batch.CompilationUnit;
import org.eclipse.jdt.internal.compiler.batch.FileSystem;
import org.eclipse.jdt.internal.compiler.batch.Main;
import org.eclipse.jdt.internal.compiler.classfmt.ClassFileReader;
import org.eclipse.jdt.internal.compiler.classfmt.ClassFormatException;
import org.eclipse.jdt.internal.compiler.env.IBinaryType;
import org.eclipse.jdt.internal.compiler.env.ICompilationUnit;
import org.eclipse.jdt.internal.compiler.env.INameEnvironment;
import org.eclipse.jdt.internal.compiler.env.NameEnvironmentAnswer;
import org.eclipse.jdt.internal.compiler.impl.CompilerOptions;
import org.eclipse.jdt.internal.compiler.problem.DefaultProblem;
import org.eclipse.jdt.internal.compiler.problem.DefaultProblemFactory;

/**
 * ecj driven directly rather than through {@code javax.tools}, with what it reads kept across compiles: the platform's
 * class path (opened once), the class files it read from the platform (for good) and from the project's class path
 * (while that class path's {@linkplain ClassPath#stamp stamp} stays the same), and which packages exist. Through
 * {@code javax.tools} ecj sets up its class path anew for each compile, asks the file manager which module declares
 * each package it meets and reads every class file again; for a one-file save those were about a third of the
 * compile. Only the project's own classes (an earlier compile's output) are read afresh each time.
 *
 * <p>As through {@code javax.tools}, the project sees the JDK's packages that its modules export to everyone, no
 * others. The options are ecj's batch compiler's, parsed once from the same arguments ({@link CompilerEngine#ECJ_OPTIONS}),
 * so the class files are those the {@code javax.tools} route makes. Threading: one compile at a time.
 */
final class EcjCompile {

    /**
     * Class path caches kept, for as many projects or class path stamps (a dev runtime builds each watched project at
     * start, before the first save); the least recently used is dropped beyond. Each holds the class files of the
     * framework's packages its project uses, the JDK's being kept apart, once for all.
     */
    private static final int LIBRARY_CACHES = 64;
    /** Types kept per cache; beyond, the cache starts again: a bound, not a policy. */
    private static final int TYPES_PER_CACHE = 10_000;
    private static final Object MISSING = new Object();

    private final Map<String, String> optionMap;
    /** ecj's messages, loaded once (loading them took about 6 % of a one-file compile) */
    private final DefaultProblemFactory problemFactory = new DefaultProblemFactory(Locale.ROOT);
    private final FileSystem platform;
    /** Packages of the JDK's modules that they do not export to everyone: not there for the project's classes. */
    private final Set<String> hiddenPlatformPackages;
    private final Map<String, Object> platformTypes = new HashMap<>();
    private final Map<String, Boolean> platformPackages = new HashMap<>();
    private final Map<String, LibraryCache> libraries = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LibraryCache> eldest) {
            return size() > LIBRARY_CACHES;
        }
    };

    /**
     * @param options the batch compiler's arguments
     * @param scratch an empty folder, used only while the arguments are parsed (as the class path, so that the
     *        batch compiler does not take the JVM's)
     */
    EcjCompile(List<String> options, Path scratch) throws IOException {
        Path probe = Files.writeString(scratch.resolve("Probe.java"), "class Probe {}");
        List<String> args = new ArrayList<>(options);
        args.addAll(List.of("-classpath", scratch.toString(), "-d", "none", probe.toString()));
        StringWriter log = new StringWriter();
        Main main = new Main(new PrintWriter(log), new PrintWriter(log), false, null, null);
        main.configure(args.toArray(String[]::new));
        this.optionMap = Map.copyOf(main.options);
        this.platform = main.getLibraryAccess();
        this.hiddenPlatformPackages = hiddenPackages();
    }

    private static Set<String> hiddenPackages() {
        Set<String> hidden = new HashSet<>();
        Set<String> exported = new HashSet<>();
        for (ModuleReference module : ModuleFinder.ofSystem().findAll()) {
            hidden.addAll(module.descriptor().packages());
            module.descriptor().exports().stream().filter(e -> !e.isQualified()).forEach(e -> exported.add(e.source()));
        }
        hidden.removeAll(exported);
        return Set.copyOf(hidden);
    }

    /**
     * Compiles {@code sources} into {@code outputDir}.
     *
     * @param libraries the project's class path (framework exports, extra jars) as a file manager for this compile
     * @param librariesKey a value naming what {@code libraries} holds: equal keys, equal contents
     * @param ownPackages the project's packages: never looked up on the class path
     * @param ownClasses the output of an earlier compile, for the project's classes not in {@code sources}; or null
     * @param cancel null, or whether to end the compile (ecj asks between the steps of each source; the output is
     *        then incomplete, with no error)
     */
    List<CompileError> compile(JavaFileManager libraries, String librariesKey, Set<String> ownPackages,
            Path ownClasses, Path sourceRoot, List<Path> sources, Path outputDir, BooleanSupplier cancel)
            throws IOException {
        LibraryCache library;
        synchronized (this.libraries) {
            library = this.libraries.computeIfAbsent(librariesKey, key -> new LibraryCache());
        }
        List<ICompilationUnit> units = new ArrayList<>();
        List<CompileError> errors = new ArrayList<>();
        for (Path source : sources) {
            byte[] bytes = Files.readAllBytes(source);
            try {
                String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
                units.add(new CompilationUnit(text.toCharArray(), source.toString(), StandardCharsets.UTF_8.name()));
            } catch (CharacterCodingException e) {
                errors.add(notUtf8(source, bytes));
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        List<IOException> writeFailures = new ArrayList<>();
        Environment environment = new Environment(libraries, library, ownPackages, ownClasses);
        CompilerOptions compilerOptions = new CompilerOptions(optionMap);
        compilerOptions.performMethodsFullRecovery = false; // as the batch compiler sets them
        compilerOptions.performStatementsRecovery = false;
        Compiler compiler = new Compiler(environment, DefaultErrorHandlingPolicies.exitAfterAllProblems(),
                compilerOptions, result -> accept(result, outputDir, sourceRoot, errors, writeFailures),
                problemFactory, null, cancel == null ? null : new Cancel(cancel));
        compiler.compile(units.toArray(ICompilationUnit[]::new));
        if (!writeFailures.isEmpty()) {
            throw writeFailures.get(0);
        }
        return errors;
    }

    /** The error for a source that is not UTF-8 text, at the line of its first byte that is not. */
    private static CompileError notUtf8(Path source, byte[] bytes) {
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        int bad = lenient.indexOf('\uFFFD');
        long line = bad < 0 ? 0 : lenient.substring(0, bad).chars().filter(c -> c == '\n').count() + 1;
        return new CompileError(source, line, 0,
                "this line is not UTF-8 text (sources are read as UTF-8): save the file as UTF-8");
    }

    /** Closes the platform's class path (its open image or archive) and forgets what was read. */
    void close() {
        platform.cleanup();
        platformTypes.clear();
        synchronized (libraries) {
            libraries.clear();
        }
    }

    private static void accept(CompilationResult result, Path outputDir, Path sourceRoot, List<CompileError> errors,
            List<IOException> writeFailures) {
        boolean failed = false;
        CategorizedProblem[] problems = result.getAllProblems();
        if (problems != null) {
            for (CategorizedProblem problem : problems) {
                if (problem.isError()) {
                    failed = true;
                    char[] name = problem.getOriginatingFileName();
                    Path file = name == null ? sourceRoot : Path.of(new String(name));
                    long column = problem instanceof DefaultProblem p ? p.getSourceColumnNumber() : 0;
                    errors.add(new CompileError(file, Math.max(0, problem.getSourceLineNumber()),
                            Math.max(0, column), problem.getMessage()));
                }
            }
        }
        if (failed) {
            return;
        }
        for (ClassFile classFile : result.getClassFiles()) {
            Path file = outputDir.resolve(new String(classFile.fileName()) + ".class");
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, classFile.getBytes());
            } catch (IOException e) {
                writeFailures.add(e);
            }
        }
    }

    /** ecj's progress monitor, for its question whether to stop. */
    private static final class Cancel extends CompilationProgress {

        private final BooleanSupplier cancel;

        Cancel(BooleanSupplier cancel) {
            this.cancel = cancel;
        }

        @Override
        public boolean isCanceled() {
            return cancel.getAsBoolean();
        }

        @Override
        public void begin(int remainingWork) {
        }

        @Override
        public void done() {
        }

        @Override
        public void setTaskName(String name) {
        }

        @Override
        public void worked(int workIncrement, int remainingWork) {
        }
    }

    /** The class files and packages of one class path, as far as compiles asked for them. */
    private static final class LibraryCache {
        final Map<String, Object> types = new HashMap<>();
        final Map<String, Boolean> packages = new HashMap<>();
    }

    /**
     * The compiler's view of the classes: the project's own packages from {@code ownClasses} only, then the platform,
     * then the class path. Lookups of the last two are answered from the caches when they were made before.
     */
    private final class Environment implements INameEnvironment {

        private final JavaFileManager libraries;
        private final LibraryCache library;
        private final Set<String> ownPackages;
        private final Path ownClasses;

        Environment(JavaFileManager libraries, LibraryCache library, Set<String> ownPackages, Path ownClasses) {
            this.libraries = libraries;
            this.library = library;
            this.ownPackages = ownPackages;
            this.ownClasses = ownClasses;
        }

        @Override
        public NameEnvironmentAnswer findType(char[][] compoundTypeName) {
            if (compoundTypeName == null || compoundTypeName.length == 0) {
                return null;
            }
            String pkg = new String(CharOperation.concatWith(
                    java.util.Arrays.copyOf(compoundTypeName, compoundTypeName.length - 1), '.'));
            return find(pkg, new String(compoundTypeName[compoundTypeName.length - 1]), compoundTypeName);
        }

        @Override
        public NameEnvironmentAnswer findType(char[] typeName, char[][] packageName) {
            if (typeName == null) {
                return null;
            }
            String pkg = packageName == null ? "" : new String(CharOperation.concatWith(packageName, '.'));
            return find(pkg, new String(typeName), CharOperation.arrayConcat(
                    packageName == null ? CharOperation.NO_CHAR_CHAR : packageName, typeName));
        }

        private NameEnvironmentAnswer find(String pkg, String simpleName, char[][] compound) {
            String binaryName = pkg.isEmpty() ? simpleName : pkg + "." + simpleName;
            if (ownPackages.contains(pkg)) {
                return own(pkg, simpleName, binaryName);
            }
            IBinaryType type = platformType(pkg, binaryName, compound);
            if (type == null) {
                type = libraryType(binaryName);
            }
            return type == null ? null : new NameEnvironmentAnswer(type, null);
        }

        private NameEnvironmentAnswer own(String pkg, String simpleName, String binaryName) {
            if (ownClasses == null) {
                return null;
            }
            Path file = ownClasses.resolve(pkg.replace('.', '/')).resolve(simpleName + ".class");
            if (!Files.isRegularFile(file)) {
                return null;
            }
            try {
                return new NameEnvironmentAnswer(
                        new ClassFileReader(FileCache.SHARED.bytes(file), file.toString().toCharArray()), null);
            } catch (IOException | ClassFormatException e) {
                return null;
            }
        }

        private IBinaryType platformType(String pkg, String binaryName, char[][] compound) {
            if (hiddenPlatformPackages.contains(pkg)) {
                return null;
            }
            Object known = platformTypes.get(binaryName);
            if (known == null) {
                NameEnvironmentAnswer answer = platform.findType(compound);
                known = answer != null && answer.isBinaryType() ? answer.getBinaryType() : MISSING;
                if (platformTypes.size() >= TYPES_PER_CACHE) {
                    platformTypes.clear();
                }
                platformTypes.put(binaryName, known);
            }
            return known == MISSING ? null : (IBinaryType) known;
        }

        private IBinaryType libraryType(String binaryName) {
            Object known = library.types.get(binaryName);
            if (known == null) {
                known = MISSING;
                try {
                    JavaFileObject file = libraries.getJavaFileForInput(StandardLocation.CLASS_PATH, binaryName,
                            JavaFileObject.Kind.CLASS);
                    if (file != null) {
                        try (InputStream in = file.openInputStream()) {
                            known = new ClassFileReader(in.readAllBytes(), file.toUri().toString().toCharArray());
                        }
                    }
                } catch (IOException | ClassFormatException | IllegalArgumentException e) {
                    known = MISSING;
                }
                if (library.types.size() >= TYPES_PER_CACHE) {
                    library.types.clear();
                }
                library.types.put(binaryName, known);
            }
            return known == MISSING ? null : (IBinaryType) known;
        }

        @Override
        public boolean isPackage(char[][] parentPackageName, char[] packageName) {
            if (packageName == null) {
                return false;
            }
            String parent = parentPackageName == null || parentPackageName.length == 0 ? ""
                    : new String(CharOperation.concatWith(parentPackageName, '.'));
            String pkg = parent.isEmpty() ? new String(packageName) : parent + "." + new String(packageName);
            for (String own : ownPackages) {
                if (own.equals(pkg) || own.startsWith(pkg + ".")) {
                    return true;
                }
            }
            Boolean onPlatform = platformPackages.get(pkg);
            if (onPlatform == null) {
                onPlatform = !hiddenPlatformPackages.contains(pkg) && platform.isPackage(parentPackageName, packageName);
                platformPackages.put(pkg, onPlatform);
            }
            if (onPlatform) {
                return true;
            }
            Boolean onClassPath = library.packages.get(pkg);
            if (onClassPath == null) {
                try {
                    onClassPath = libraries.list(StandardLocation.CLASS_PATH, pkg,
                            Set.of(JavaFileObject.Kind.CLASS), true).iterator().hasNext();
                } catch (IOException e) {
                    onClassPath = false;
                }
                library.packages.put(pkg, onClassPath);
            }
            return onClassPath;
        }

        @Override
        public void cleanup() {
            // the caches outlive the compile
        }
    }
}
