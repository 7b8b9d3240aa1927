package dev.relive.hvr.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import dev.relive.hvr.internal.build.ProjectName;
import dev.relive.hvr.internal.watch.ProjectFolders;

/**
 * The application bundle projects under the watched folders (see {@link ProjectFolders}), matched to installed
 * bundles by the {@code Bundle-SymbolicName} they build ({@link ProjectName}), not by their folders' names.
 *
 * @param installed project folder to its installed bundle
 * @param notInstalled project folder to the symbolic name it builds, for projects no installed bundle matches
 */
record WatchedProjects(Map<Path, Bundle> installed, Map<Path, String> notInstalled) {

    static WatchedProjects find(BundleContext context, List<Path> roots, List<Path> excluded) {
        Map<String, Bundle> bundles = new LinkedHashMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getSymbolicName() != null && bundle.getState() != Bundle.UNINSTALLED) {
                bundles.put(bundle.getSymbolicName(), bundle);
            }
        }
        Map<Path, Bundle> installed = new LinkedHashMap<>();
        Map<Path, String> notInstalled = new LinkedHashMap<>();
        for (Path project : ProjectFolders.under(roots, excluded)) {
            String name = ProjectName.of(project);
            if (ReliveBundles.contains(name)) {
                continue;
            }
            Bundle bundle = bundles.get(name);
            if (bundle != null) {
                installed.put(project, bundle);
            } else {
                notInstalled.put(project, name);
            }
        }
        return new WatchedProjects(installed, notInstalled);
    }
}
