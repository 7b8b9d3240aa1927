package dev.relive.hvr.internal;

import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.BundleContext;

/** The folders HVR watches and skips, from its configuration and the launcher's {@code relive.workspace}. */
final class HvrFolders {

    private HvrFolders() {
    }

    static List<Path> watchDirs(HvrConfig config, BundleContext context) {
        if (config.watch__dirs().length > 0) {
            return HvrService.list(config.watch__dirs());
        }
        String workspace = context.getProperty("relive.workspace");
        return List.of(Path.of(workspace == null ? "." : workspace, "bundles").toAbsolutePath().normalize());
    }

    static List<Path> excludeDirs(HvrConfig config) {
        return HvrService.list(config.exclude__dirs());
    }
}
