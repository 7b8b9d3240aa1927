package dev.relive.runtime.internal.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.relive.api.UploadedFile;

import dev.relive.runtime.internal.protocol.FileOffer;

/** A complete upload handed to its handler; {@link #cleanUp()} deletes it afterwards unless it was moved. */
public final class TempUploadedFile implements UploadedFile {

    private final FileOffer offer;
    private final Path path;
    private boolean moved;

    public TempUploadedFile(PartialFile file) {
        this.offer = file.offer();
        this.path = file.path();
    }

    @Override
    public String name() {
        return offer.baseName();
    }

    @Override
    public String contentType() {
        return offer.type();
    }

    @Override
    public long size() {
        return offer.size();
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public void moveTo(Path target) throws IOException {
        Files.move(path, target, StandardCopyOption.REPLACE_EXISTING);
        moved = true;
    }

    /** Deletes the temporary file unless the handler moved it. */
    public void cleanUp() {
        if (!moved) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                path.toFile().deleteOnExit();
            }
        }
    }
}
