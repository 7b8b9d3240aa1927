package dev.relive.hvr.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.osgi.framework.BundleContext;

import dev.relive.hvr.internal.build.Folders;

/**
 * The folder HVR compiles into: {@code work/} in HVR's bundle data area (in the framework's storage), emptied when HVR
 * starts, so that the output a killed runtime left there goes at the next start instead of piling up in the system's
 * temporary folder.
 */
final class WorkFolder {

    private WorkFolder() {
    }

    /** The emptied folder; null (the system's temporary folder) when the framework gives no data area. */
    static Path emptied(BundleContext context) throws IOException {
        File data = context.getDataFile("work");
        if (data == null) {
            return null;
        }
        Path folder = data.toPath();
        Folders.deleteRecursively(folder);
        return Files.createDirectories(folder);
    }
}
