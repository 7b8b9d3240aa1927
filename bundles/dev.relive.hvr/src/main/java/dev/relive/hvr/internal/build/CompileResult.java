package dev.relive.hvr.internal.build;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Outcome of compiling one project.
 *
 * @param outputDir the folder holding the class files (complete only on success)
 * @param errors compile errors in the order javac reported them; empty on success
 * @param elapsed wall time of the compile
 * @param compiledFiles the source files compiled
 * @param sourceFiles the project's source files
 * @param compilerTime the part of {@code elapsed} spent inside the compiler itself (ecj or javac), the rest being
 *        finding, stamping and merging sources and classes
 * @param classes the class files of {@code outputDir} in memory, with their fingerprints, when the compile kept them
 *        (a successful build of a project); else {@code null}
 */
public record CompileResult(Path outputDir, List<CompileError> errors, Duration elapsed, int compiledFiles,
        int sourceFiles, Duration compilerTime, OutputClasses classes) {

    public CompileResult {
        errors = List.copyOf(errors);
    }

    public CompileResult(Path outputDir, List<CompileError> errors, Duration elapsed, int compiledFiles,
            int sourceFiles, Duration compilerTime) {
        this(outputDir, errors, elapsed, compiledFiles, sourceFiles, compilerTime, null);
    }

    public CompileResult(Path outputDir, List<CompileError> errors, Duration elapsed, int compiledFiles,
            int sourceFiles) {
        this(outputDir, errors, elapsed, compiledFiles, sourceFiles, elapsed);
    }

    /** Only some of the sources were compiled: the others' classes are those of an earlier compile. */
    public boolean incremental() {
        return compiledFiles < sourceFiles;
    }

    public boolean success() {
        return errors.isEmpty();
    }
}
