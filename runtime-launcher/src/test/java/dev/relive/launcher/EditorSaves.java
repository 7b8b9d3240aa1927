package dev.relive.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Saves source files as an editor does: the whole text to a hidden temp file, renamed over the original. */
public final class EditorSaves {

    private EditorSaves() {
    }

    /** Replaces {@code from} by {@code to} in {@code file} and saves it; fails when the file does not contain it. */
    public static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new AssertionError(file.getFileName() + " does not contain: " + from);
        }
        save(file, text.replace(from, to));
    }

    public static void save(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
