package dev.relive.hvr.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** The bundle projects under the watched folders that are installed as application bundles, with their bundles. */
final class WatchedProjects {

    private WatchedProjects() {
    }

    /** Project folder to installed bundle, in the framework's bundle order. */
    static Map<Path, Bundle> installed(BundleContext context, List<Path> roots) {
        Map<Path, Bundle> projects = new LinkedHashMap<>();
        for (Bundle bundle : context.getBundles()) {
            String bsn = bundle.getSymbolicName();
            if (bsn == null || ReliveBundles.contains(bsn) || bundle.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            for (Path root : roots) {
                Path project = root.resolve(bsn);
                if (Files.isRegularFile(project.resolve("bnd.bnd")) && Files.isDirectory(project.resolve("src"))) {
                    projects.put(project, bundle);
                    break;
                }
            }
        }
        return projects;
    }
}
