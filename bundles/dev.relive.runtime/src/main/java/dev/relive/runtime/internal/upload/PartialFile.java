package dev.relive.runtime.internal.upload;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import dev.relive.runtime.internal.protocol.FileOffer;

/**
 * A file arriving in chunks, written to a temporary file created with its first chunk. Chunks must come in order and
 * stay within the declared size; the first must fit the declared type ({@link ContentCheck}). Not thread-safe: a
 * session touches it from its own executor.
 */
public final class PartialFile {

    /** A chunk that cannot be taken; the partial file has been deleted. */
    public static final class RefusedChunk extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedChunk(String message) {
            super(message);
        }
    }

    private final FileOffer offer;
    private final Path dir;
    private Path path;
    private long received;

    public PartialFile(FileOffer offer, Path dir) {
        this.offer = offer;
        this.dir = dir;
    }

    public FileOffer offer() {
        return offer;
    }

    public long received() {
        return received;
    }

    public boolean complete() {
        return received == offer.size() && path != null;
    }

    /** The temporary file; {@code null} before the first chunk. */
    public Path path() {
        return path;
    }

    /** Appends {@code bytes}, which must start at {@code offset}, the number of bytes received so far. */
    public void append(long offset, byte[] bytes) throws RefusedChunk {
        if (offset != received) {
            discard();
            throw new RefusedChunk("chunk at " + offset + " where " + received + " was expected");
        }
        if (received + bytes.length > offer.size()) {
            discard();
            throw new RefusedChunk("the file is larger than it said (" + offer.size() + " bytes)");
        }
        if (received == 0 && !ContentCheck.fits(offer.type(), bytes)) {
            discard();
            throw new RefusedChunk("the content is not of the type " + offer.type());
        }
        try {
            if (path == null) {
                Files.createDirectories(dir);
                path = Files.createTempFile(dir, "upload-", ".part");
            }
            try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.APPEND)) {
                out.write(bytes);
            }
        } catch (IOException e) {
            discard();
            throw new RefusedChunk("the server could not store the file");
        }
        received += bytes.length;
    }

    /** Deletes what was written. Idempotent. */
    public void discard() {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                path.toFile().deleteOnExit();
            }
        }
    }
}
