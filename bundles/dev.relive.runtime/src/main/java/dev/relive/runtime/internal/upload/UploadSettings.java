package dev.relive.runtime.internal.upload;

import java.nio.file.Path;

/**
 * The runtime's caps on uploads: the largest file whatever a view declares, the files one tab may have in
 * progress at once, and the folder temporary files go to.
 */
public record UploadSettings(long maxFileBytes, int maxFilesInProgress, Path dir) {

    /** 100 MiB, 20 files, {@code relive-uploads} in the system's temporary folder. */
    public static UploadSettings defaults() {
        return new UploadSettings(100L * 1024 * 1024, 20, defaultDir());
    }

    public static Path defaultDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "relive-uploads");
    }
}
