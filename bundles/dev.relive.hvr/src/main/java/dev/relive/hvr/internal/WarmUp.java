package dev.relive.hvr.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;

import dev.relive.hvr.internal.build.BundleCompiler;
import dev.relive.hvr.internal.build.BundlePackager;
import dev.relive.hvr.internal.build.Folders;

/**
 * Builds the watched projects that are installed as bundles, round-robin, a fixed number of times in all, throwing
 * the results away, so that the compiler and bnd are JIT-compiled on the code paths a developer's first saves take;
 * then builds each once more for keeps, so the first save compiles only what it changed. Runs once, in the
 * background, at the lowest priority.
 */
final class WarmUp {

    /** Builds in all: a few seconds of one core's time for small projects. */
    private static final int BUILDS = 40;

    private final BundleCompiler compiler;
    private final BundlePackager packager;

    WarmUp(BundleCompiler compiler, BundlePackager packager) {
        this.compiler = compiler;
        this.packager = packager;
    }

    void projects(Map<Path, Bundle> installed) {
        List<Path> projects = new ArrayList<>(installed.keySet());
        List<Bundle> bundles = new ArrayList<>(installed.values());
        for (int i = 0; i < BUILDS && !projects.isEmpty() && !Thread.currentThread().isInterrupted(); i++) {
            if (!build(projects.get(i % projects.size()), bundles.get(i % projects.size()))) {
                return;
            }
        }
        // the builds saves start from: the compiler's last output and bnd's last jar per project
        for (int i = 0; i < projects.size() && !Thread.currentThread().isInterrupted(); i++) {
            String version = bundles.get(i).getVersion().toString();
            Path project = projects.get(i);
            try {
                compiler.build(project, compiled -> compiled.success()
                        ? packager.pack(project, compiled.outputDir(), version) : null);
            } catch (RuntimeException e) {
                // the first save builds it then
            }
        }
    }

    private boolean build(Path project, Bundle bundle) {
        Path classes = null;
        try {
            classes = Files.createTempDirectory("relive-hvr-warm");
            if (compiler.compile(project, classes).success()) {
                packager.analyse(project, classes, bundle.getVersion().toString());
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // a warm-up that fails costs nothing but its own time
        } finally {
            if (classes != null) {
                Folders.deleteRecursively(classes);
            }
        }
    }
}
