package dev.relive.hvr.internal;

import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.BundleContext;

/**
 * The folders HVR watches and skips, from its configuration and the launcher's {@code relive.workspace} (by default
 * the whole workspace: bundle projects are found wherever they are in it).
 */
final class HvrFolders {

    private HvrFolders() {
    }

    static List<Path> watchDirs(HvrConfig config, BundleContext context) {
        if (config.watch__dirs().length > 0) {
            return HvrService.list(config.watch__dirs());
        }
        return List.of(workspace(context));
    }

    /** The folder the runtime installs bundles from: the launcher's {@code relive.deploy}, else the workspace's. */
    static Path deployDir(BundleContext context) {
        String deploy = context.getProperty("relive.deploy");
        return deploy != null ? Path.of(deploy).toAbsolutePath().normalize() : workspace(context).resolve("deploy");
    }

    private static Path workspace(BundleContext context) {
        String workspace = context.getProperty("relive.workspace");
        return Path.of(workspace == null ? "." : workspace).toAbsolutePath().normalize();
    }

    static List<Path> excludeDirs(HvrConfig config) {
        return HvrService.list(config.exclude__dirs());
    }
}
