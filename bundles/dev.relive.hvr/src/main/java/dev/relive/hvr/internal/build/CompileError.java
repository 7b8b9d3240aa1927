package dev.relive.hvr.internal.build;

import java.nio.file.Path;

/**
 * One compile error.
 *
 * @param file absolute path of the source file; the project's source folder when javac names no file
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param message javac's message
 */
public record CompileError(Path file, long line, long column, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
