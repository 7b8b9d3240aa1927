package dev.relive.hvr.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import dev.relive.hvr.internal.build.BundleCompiler;
import dev.relive.hvr.internal.build.BundlePackager;
import dev.relive.hvr.internal.build.Folders;

/**
 * Builds the watched projects that are installed as bundles a few times, throwing the results away, so that the
 * compiler and bnd are warm on the code paths a developer's first saves take. Runs once, in the background.
 */
final class WarmUp {

    private static final int PROJECTS = 8;
    private static final int ROUNDS = 3;

    private final BundleContext context;
    private final BundleCompiler compiler;
    private final BundlePackager packager;

    WarmUp(BundleContext context, BundleCompiler compiler, BundlePackager packager) {
        this.context = context;
        this.compiler = compiler;
        this.packager = packager;
    }

    void projects(List<Path> roots) {
        int done = 0;
        for (Bundle bundle : context.getBundles()) {
            String bsn = bundle.getSymbolicName();
            if (done >= PROJECTS || bsn == null || bsn.startsWith("dev.relive.") && !bsn.startsWith("dev.relive.ex")
                    && !bsn.startsWith("dev.relive.test")) {
                continue;
            }
            for (Path root : roots) {
                Path project = root.resolve(bsn);
                if (Files.isRegularFile(project.resolve("bnd.bnd")) && Files.isDirectory(project.resolve("src"))) {
                    build(project, bundle);
                    done++;
                    break;
                }
            }
        }
    }

    private void build(Path project, Bundle bundle) {
        for (int i = 0; i < ROUNDS && !Thread.currentThread().isInterrupted(); i++) {
            Path classes = null;
            try {
                classes = Files.createTempDirectory("relive-hvr-warm");
                if (compiler.compile(project, classes).success()) {
                    packager.pack(project, classes, bundle.getVersion().toString());
                }
            } catch (IOException | RuntimeException e) {
                return; // a warm-up that fails costs nothing but its own time
            } finally {
                if (classes != null) {
                    Folders.deleteRecursively(classes);
                }
            }
        }
    }
}
