package dev.relive.runtime.internal.session;

import io.pebbletemplates.pebble.error.PebbleException;

import dev.relive.runtime.spi.HvrApplied;
import dev.relive.runtime.spi.HvrError;

/**
 * Where a save's first render failed, for the browser's overlay: the template and line of Pebble's error when there
 * is one (the saved file itself when that is the template), else the saved file without a line. Also where a saved
 * template does not parse.
 */
final class SavedRenderFailure {

    private SavedRenderFailure() {
    }

    static HvrError of(HvrApplied applied, RuntimeException failure) {
        String message = readable(String.valueOf(failure.getMessage()));
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PebbleException pebble && pebble.getFileName() != null) {
                return new HvrError(applied.bundle(), fileOf(pebble.getFileName(), applied.file()), line(pebble), 0,
                        message);
            }
        }
        return new HvrError(applied.bundle(), applied.file(), 0, 0, message);
    }

    /** Where a saved template {@code path} of {@code bundle} does not parse, for the browser's overlay. */
    static HvrError unparsed(String bundle, String path, PebbleException e) {
        return new HvrError(bundle, path, line(e), 0,
                readable(path + ", line " + line(e) + ": " + e.getPebbleMessage()));
    }

    private static int line(PebbleException e) {
        return e.getLineNumber() == null ? 0 : e.getLineNumber();
    }

    /** Pebble's message with the character it marks the end of a template with named. */
    static String readable(String message) {
        return message.replace("\u0000", "end of template");
    }

    /**
     * {@code saved} when the template Pebble names ({@code origin!path}, an inline one {@code origin!path#digest}) is
     * that file, else the template's path in its bundle.
     */
    static String fileOf(String templateName, String saved) {
        String path = templateName.substring(templateName.indexOf('!') + 1);
        int inline = path.indexOf('#');
        path = inline < 0 ? path : path.substring(0, inline);
        if (saved != null && saved.replace('\\', '/').endsWith("/" + path)) {
            return saved;
        }
        return path;
    }
}
