package dev.relive.hvr.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;

import dev.relive.hvr.internal.build.BundleCompiler;
import dev.relive.hvr.internal.build.BundlePackager;
import dev.relive.hvr.internal.build.Folders;
import dev.relive.hvr.internal.save.SavePipeline;

/**
 * Makes the first save as cheap as the later ones. First, right after start-up, each watched project that is
 * installed as a bundle is built once for keeps and its bundle's classes fingerprinted, so the first save compiles
 * only what it changed, rewrites the last jar and compares with known fingerprints. Then, after a delay, the
 * runtime's state capture and restore, the compiler and bnd run on the code paths saves take, so the JIT compiles
 * them: the projects are built round-robin, a fixed number of times in all, the results thrown away. That second part
 * gives way to the developer: it stops at the first save (from then on the saves warm the compiler). Those builds run
 * on a compiler of their own ({@code jitBuilds}), not the one saves use, so a save never waits for one to finish: it
 * runs beside it. Runs once, in the background.
 */
final class WarmUp {

    /** Builds in all: a few seconds of one core's time for small projects. */
    private static final int BUILDS = 40;

    private final BundleCompiler compiler;
    private final Supplier<BundleCompiler> jitBuilds;
    private final BundlePackager packager;
    private final SavePipeline pipeline;

    /**
     * @param compiler the compiler saves use: it builds the projects for keeps
     * @param jitBuilds makes the compiler of the builds that only warm the JIT; closed when they end
     */
    WarmUp(BundleCompiler compiler, Supplier<BundleCompiler> jitBuilds, BundlePackager packager,
            SavePipeline pipeline) {
        this.compiler = compiler;
        this.jitBuilds = jitBuilds;
        this.packager = packager;
        this.pipeline = pipeline;
    }

    /** @param delayMs between the builds for keeps and the JIT's warm-up, so that one is not part of start-up */
    void projects(Map<Path, Bundle> installed, long delayMs) {
        List<Path> projects = new ArrayList<>(installed.keySet());
        List<Bundle> bundles = new ArrayList<>(installed.values());
        // the builds saves start from: the compiler's last output and bnd's last jar per project
        for (int i = 0; i < projects.size() && !stopped(); i++) {
            String version = bundles.get(i).getVersion().toString();
            Path project = projects.get(i);
            try {
                compiler.build(project, compiled -> compiled.success()
                        ? packager.pack(project, compiled.outputDir(), version) : null);
                pipeline.fingerprint(bundles.get(i));
            } catch (RuntimeException e) {
                // the first save builds it then
            }
        }
        try {
            Thread.sleep(delayMs);
        } catch (InterruptedException e) {
            return;
        }
        if (stopped()) {
            return;
        }
        pipeline.warmUpSwap();
        compiler.warmUp();
        packager.warmUp();
        if (projects.isEmpty() || stopped()) {
            return;
        }
        try (BundleCompiler builds = jitBuilds.get()) {
            for (int i = 0; i < BUILDS && !stopped(); i++) {
                if (!build(builds, projects.get(i % projects.size()), bundles.get(i % projects.size()))) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // a warm-up that fails costs nothing but its own time
        }
    }

    private boolean stopped() {
        return Thread.currentThread().isInterrupted() || pipeline.saved();
    }

    private boolean build(BundleCompiler builds, Path project, Bundle bundle) {
        Path classes = null;
        try {
            classes = Files.createTempDirectory("relive-hvr-warm");
            if (builds.compile(project, classes).success() && !stopped()) {
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
