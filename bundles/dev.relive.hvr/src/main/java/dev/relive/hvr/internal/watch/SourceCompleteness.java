package dev.relive.hvr.internal.watch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import dev.relive.hvr.internal.build.ProjectLayout;

/**
 * Whether a saved file reads as a whole save rather than one caught half-written: a Java source whose braces
 * balance, outside comments, strings, text blocks and character literals, and whose last token closes a type; a
 * template ({@code .peb}), which a render reads whole whatever it holds. Anything else (a {@code bnd.bnd}, a
 * resource, a missing file, a source such as {@code package-info.java} that ends without a brace) is never judged
 * whole, so its burst waits the full quiet period.
 */
final class SourceCompleteness {

    private SourceCompleteness() {
    }

    static boolean isWhole(Path file) {
        Path name = file.getFileName();
        if (name == null || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (name.toString().endsWith(".peb")) {
            return true;
        }
        if (!name.toString().endsWith(".java")) {
            return false;
        }
        try {
            return isWholeJava(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether {@code file} is a Java source holding nothing but a little white space (an editor's truncation). */
    static boolean isEmptyJava(Path file) {
        Path name = file.getFileName();
        if (name == null || !name.toString().endsWith(".java")) {
            return false;
        }
        try {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    && ProjectLayout.isBlankSource(file, Files.size(file));
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether {@code text} balances its braces and ends with the one closing its last type. */
    static boolean isWholeJava(String text) {
        int depth = 0;
        char last = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                int end = text.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
                continue;
            }
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    return false;
                }
                i = end + 2;
                continue;
            }
            if (c == '"' || c == '\'') {
                i = c == '"' && text.startsWith("\"\"\"", i) ? endOfTextBlock(text, i + 3) : endOfLiteral(text, i);
                if (i < 0) {
                    return false;
                }
                last = c;
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth < 0) {
                return false;
            }
            if (!Character.isWhitespace(c)) {
                last = c;
            }
            i++;
        }
        return depth == 0 && last == '}';
    }

    /** The index after the literal opening at {@code start}, or -1 when the line or text ends first. */
    private static int endOfLiteral(String text, int start) {
        char quote = text.charAt(start);
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    /** The index after the {@code """} closing the text block whose content starts at {@code from}, or -1. */
    private static int endOfTextBlock(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"' && text.startsWith("\"\"\"", i)) {
                return i + 3;
            }
        }
        return -1;
    }
}
