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
 */
public record CompileResult(Path outputDir, List<CompileError> errors, Duration elapsed) {

    public CompileResult {
        errors = List.copyOf(errors);
    }

    public boolean success() {
        return errors.isEmpty();
    }
}
