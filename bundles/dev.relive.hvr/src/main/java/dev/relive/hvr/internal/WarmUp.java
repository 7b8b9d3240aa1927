package dev.relive.hvr.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;

import dev.relive.hvr.internal.build.BundleCompiler;
import dev.relive.hvr.internal.build.BundlePackager;
import dev.relive.hvr.internal.build.Folders;
import dev.relive.hvr.internal.build.PackageResult;
import dev.relive.hvr.internal.save.SavePipeline;

/**
 * Makes the first save as cheap as the later ones. First, right after start-up, each watched project that is
 * installed as a bundle is built once for keeps and its bundle's classes and the build's fingerprinted, so the first
 * save compiles only what it changed, rewrites the last jar and compares with known fingerprints. Then, after a delay, the
 * runtime's state capture and restore, the compiler and bnd run on the code paths saves take, so the JIT compiles
 * them: the projects are built round-robin, the results thrown away, until the builds stop getting faster
 * ({@link SteadyBuilds}), at most {@code warm_up_builds} builds ({@value #MAX_BUILDS} unless configured; 0 skips
 * this second part): a slow machine is not kept busy longer than its JIT needs, nor a fast one stopped before. That
 * second part gives way to the developer: it stops at the first save (from then on the saves warm the compiler).
 * Where it stands is a line of {@code hvr:status}. Those builds run on a compiler of their own ({@code jitBuilds}),
 * not the one saves use, so a save never waits for one to finish: it runs beside it. Runs once, in the background.
 */
final class WarmUp {

    /** Builds in all, at most, unless configured: a few seconds of one core's time for small projects. */
    static final int MAX_BUILDS = 40;

    private final BundleCompiler compiler;
    private final Supplier<BundleCompiler> jitBuilds;
    private final BundlePackager packager;
    private final SavePipeline pipeline;
    private final Consumer<String> report;
    private int maxBuilds = MAX_BUILDS;
    private java.util.function.BiPredicate<Path, Bundle> builtFromSources = (project, bundle) -> false;

    /**
     * @param compiler the compiler saves use: it builds the projects for keeps
     * @param jitBuilds makes the compiler of the builds that only warm the JIT; closed when they end
     * @param report where the warm-up stands, for {@code hvr:status}
     */
    WarmUp(BundleCompiler compiler, Supplier<BundleCompiler> jitBuilds, BundlePackager packager,
            SavePipeline pipeline, Consumer<String> report) {
        this.compiler = compiler;
        this.jitBuilds = jitBuilds;
        this.packager = packager;
        this.pipeline = pipeline;
        this.report = report;
    }

    /**
     * @param test whether a project's installed bundle was built from its sources as they are now: its build for
     *        keeps then stands for the running classes ({@link SavePipeline#builtFromInstalledSources})
     */
    WarmUp builtFromSources(java.util.function.BiPredicate<Path, Bundle> test) {
        this.builtFromSources = test;
        return this;
    }

    /** @param builds the most JIT builds; 0 leaves out the JIT's warm-up */
    WarmUp maxBuilds(int builds) {
        this.maxBuilds = Math.max(0, builds);
        return this;
    }

    /** @param delayMs between the builds for keeps and the JIT's warm-up, so that one is not part of start-up */
    void projects(Map<Path, Bundle> installed, long delayMs) {
        List<Path> projects = new ArrayList<>(installed.keySet());
        List<Bundle> bundles = new ArrayList<>(installed.values());
        report.accept("running (building the projects saves start from)");
        // the builds saves start from: the compiler's last output and bnd's last jar per project
        for (int i = 0; i < projects.size() && !stopped(); i++) {
            String version = bundles.get(i).getVersion().toString();
            Path project = projects.get(i);
            try {
                PackageResult packed = compiler.build(project, compiled -> {
                    if (!compiled.success()) {
                        return null;
                    }
                    if (compiled.classes() != null) {
                        compiled.classes().fingerprints(); // the first save's are computed from these
                    }
                    return packager.pack(project, compiled.outputDir(), version);
                });
                pipeline.fingerprint(bundles.get(i));
                if (packed != null && packed.success() && builtFromSources.test(project, bundles.get(i))) {
                    pipeline.builtFromInstalledSources(bundles.get(i), packed.jar());
                }
            } catch (RuntimeException e) {
                // the first save builds it then
            }
        }
        if (maxBuilds == 0) {
            report.accept("ended: turned off (warm_up_builds=0), after the builds saves start from");
            return;
        }
        try {
            Thread.sleep(delayMs);
        } catch (InterruptedException e) {
            report.accept("ended: HVR stopped");
            return;
        }
        if (stopped()) {
            report.accept(endedEarly(0));
            return;
        }
        report.accept("running (compiler, state capture and bnd)");
        // the compiler first: every save compiles, only those that update the bundle capture state
        compiler.warmUp(this::stopped); // on the compiler saves use: the first save waits for one compile at most
        if (!stopped()) {
            pipeline.warmUpSwap();
        }
        if (!stopped()) {
            packager.warmUp();
        }
        if (projects.isEmpty() || stopped()) {
            report.accept(projects.isEmpty() ? "ended: no project to build" : endedEarly(0));
            return;
        }
        report.accept("running (builds to warm the JIT)");
        try (BundleCompiler builds = jitBuilds.get()) {
            jitBuilds(builds, projects, bundles);
        } catch (IOException | RuntimeException e) {
            // a warm-up that fails costs nothing but its own time
            report.accept("ended: " + e);
        }
    }

    private void jitBuilds(BundleCompiler builds, List<Path> projects, List<Bundle> bundles) {
        long started = System.nanoTime();
        SteadyBuilds steady = new SteadyBuilds(projects.size());
        long first = -1;
        long last = -1;
        int done = 0;
        boolean steadyNow = false;
        while (done < maxBuilds && !steadyNow) {
            if (stopped()) {
                report.accept(endedEarly(done));
                return;
            }
            int p = done % projects.size();
            long t0 = System.nanoTime();
            if (!build(builds, projects.get(p), bundles.get(p))) {
                report.accept("ended: a build failed after " + done + " builds");
                return;
            }
            last = (System.nanoTime() - t0) / 1_000_000;
            first = first < 0 ? last : first;
            done++;
            steadyNow = steady.record(p, last);
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        report.accept(String.format(Locale.ROOT, "ended: %s after %d builds in %d ms (first %d ms, last %d ms)",
                steadyNow ? "builds no longer faster" : "the most builds it runs", done, ms, first, last));
    }

    private String endedEarly(int builds) {
        return Thread.currentThread().isInterrupted() ? "ended: HVR stopped"
                : "ended by the first save, after " + builds + " builds";
    }

    private boolean stopped() {
        return Thread.currentThread().isInterrupted() || pipeline.saved();
    }

    private boolean build(BundleCompiler builds, Path project, Bundle bundle) {
        Path classes = null;
        try {
            classes = builds.newFolder("relive-hvr-warm");
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
