package dev.relive.hvr.internal.save;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads a file an editor has just saved. Many editors save by truncating the file and then writing it; a read that
 * falls between the two finds it empty, and a template rendered from that would empty the page, re-creating every
 * input the user was typing into. An empty read is tried again until the text appears, for at most
 * {@link #EMPTY_WAIT}: a file the developer really emptied reads empty after that.
 */
final class SavedFiles {

    /**
     * How long an empty file is read again: an editor's write follows its truncation within a few milliseconds, but a
     * busy machine, a slow disk or a tool that writes in steps takes longer; a template really emptied, which is
     * rare, is applied this much later.
     */
    static final Duration EMPTY_WAIT = Duration.ofMillis(250);

    private static final long RETRY_MILLIS = 2;

    private SavedFiles() {
    }

    static String read(Path file) throws IOException, InterruptedException {
        return read(file, EMPTY_WAIT, () -> Thread.sleep(RETRY_MILLIS));
    }

    /** As {@link #read(Path)}, waiting at most {@code emptyWait}, doing {@code pause} between two reads. */
    static String read(Path file, Duration emptyWait, Pause pause) throws IOException, InterruptedException {
        String text = Files.readString(file);
        long deadline = System.nanoTime() + emptyWait.toNanos();
        while (text.isEmpty() && System.nanoTime() - deadline < 0) {
            pause.run();
            text = Files.readString(file);
        }
        return text;
    }

    /** What is done between two reads of a file found empty. */
    @FunctionalInterface
    interface Pause {
        void run() throws IOException, InterruptedException;
    }
}
