package dev.relive.hvr.internal.build;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.tools.JavaFileManager;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

import aQute.bnd.osgi.Jar;

/** A class path of jar files or class folders, for use outside a framework (tests, tools). */
public final class JarClassPath implements ClassPath {

    private final List<Path> entries;
    private final List<Jar> jars = new ArrayList<>(); // guarded by itself; read once

    public JarClassPath(List<Path> entries) {
        this.entries = List.copyOf(entries);
    }

    @Override
    public JavaFileManager fileManager(StandardJavaFileManager standard, String bundleSymbolicName,
            Set<String> ownPackages) throws IOException {
        standard.setLocationFromPaths(StandardLocation.CLASS_PATH, entries);
        return standard;
    }

    @Override
    public List<Jar> analysisJars(Set<String> referencedPackages, String bundleSymbolicName) throws IOException {
        synchronized (jars) {
            if (jars.isEmpty()) {
                for (Path entry : entries) {
                    jars.add(AnalysisJars.inMemory(entry.toFile()));
                }
            }
            List<Jar> copies = new ArrayList<>();
            for (Jar jar : jars) {
                copies.add(AnalysisJars.copyOf(jar));
            }
            return copies;
        }
    }

    @Override
    public String stamp(String bundleSymbolicName) {
        StringBuilder stamp = new StringBuilder();
        for (Path entry : entries) {
            stamp.append(entry).append(':').append(Folders.treeStamp(entry)).append(';');
        }
        return stamp.toString();
    }
}
