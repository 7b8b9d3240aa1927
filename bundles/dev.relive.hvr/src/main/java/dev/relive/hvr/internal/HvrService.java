package dev.relive.hvr.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.relive.hvr.internal.build.BundleCompiler;
import dev.relive.hvr.internal.build.BundlePackager;
import dev.relive.hvr.internal.build.CompileLibraries;
import dev.relive.hvr.internal.build.FirstBuild;
import dev.relive.hvr.internal.build.FrameworkClassPath;
import dev.relive.hvr.internal.build.ProjectLayout;
import dev.relive.hvr.internal.save.SavePipeline;
import dev.relive.hvr.internal.save.TemplateOverrides;
import dev.relive.hvr.internal.watch.Burst;
import dev.relive.hvr.internal.watch.ChangeSet;
import dev.relive.hvr.internal.watch.SourceWatcher;
import dev.relive.runtime.spi.LiveSessions;
import dev.relive.runtime.spi.ViewSwapper;

/**
 * Hot View Replacement, wired up: watches the configured folders and hands each change set to the
 * {@link SavePipeline}, on the watcher's thread, one at a time. Activation only registers the watched folders: the
 * compiler, bnd and the pipeline are made in the background (a save seen before waits for them), so that they cost
 * the launch nothing. Then the projects whose installed bundle was not built from their current sources are built
 * and installed, as saves are (so a restart runs the source); then the compiler and bnd are warmed so the first save
 * is not a cold one ({@link WarmUp}).
 */
@Designate(ocd = HvrConfig.class)
@Component(service = HvrService.class, immediate = true, configurationPid = HvrConfig.PID)
public class HvrService {

    private static final Logger LOG = LoggerFactory.getLogger("dev.relive.hvr");
    private static final long WARM_UP_DELAY_MS = 500;
    /** How long {@code hvr:install} waits for the deploy folder's watcher to start what it built. */
    private static final Duration DEPLOY_WAIT = Duration.ofSeconds(30);

    private record Tools(BundleCompiler compiler, BundlePackager packager, SavePipeline pipeline) {
    }

    private final BundleContext context;
    private final LiveSessions sessions;
    private final HvrStatus status;
    private final TemplateOverrides templates = new TemplateOverrides();
    /** Completed by the warm-up thread once the compiler and bnd are loaded. */
    private final CompletableFuture<SavePipeline> pipeline = new CompletableFuture<>();
    private BundleCompiler compiler; // guarded by this
    private boolean stopped; // guarded by this
    private volatile FirstBuild firstBuild;
    private Path deploy;
    private SourceWatcher watcher;
    /** When the watcher started: a source written since is a save, which the watcher builds. */
    private FileTime watchedSince;
    private Thread warm;

    @Activate
    public HvrService(BundleContext context, HvrConfig config, @Reference LiveSessions sessions,
            @Reference ViewSwapper swapper, @Reference HvrStatus status) {
        this.context = context;
        this.sessions = sessions;
        this.status = status;
        List<Path> roots = HvrFolders.watchDirs(config, context);
        List<Path> excluded = HvrFolders.excludeDirs(config);
        status.configured(config.hvr__enabled(), config.hot__reload(), roots);
        status.unavailable(null);
        sessions.setTemplateSource(config.hvr__enabled() ? templates : null);
        if (!config.hot__reload()) {
            return;
        }
        List<Path> existing = roots.stream().filter(java.nio.file.Files::isDirectory).toList();
        if (existing.isEmpty()) {
            LOG.info("HVR: nothing to watch: {} not found (see hvr:check)", roots);
            return;
        }
        try {
            FrameworkClassPath classPath = new FrameworkClassPath(context, CompileLibraries.of(context).jars());
            deploy = HvrFolders.deployDir(context);
            // saves from now on are seen; the first waits until the pipeline is built
            watchedSince = FileTime.from(Instant.now());
            watcher = new SourceWatcher(existing, excluded, burst -> {
                SavePipeline ready = pipeline();
                if (ready != null) {
                    apply(ready, burst);
                }
            });
            watcher.start();
            warm = new Thread(() -> warmUp(context, config, swapper, classPath, existing, excluded),
                    "relive-hvr-warmup");
            warm.setDaemon(true);
            warm.start();
            LOG.info("HVR: watching {}", existing);
        } catch (RuntimeException | IOException e) {
            status.unavailable(e.getClass().getSimpleName() + ": " + e.getMessage());
            LOG.warn("HVR: unavailable: {}", e.toString());
        }
    }

    /**
     * The warm-up thread's work, once the launch is ready ({@link LaunchReady}): the tools, then the out-of-date
     * projects' builds, then the warm-up proper. HVR
     * stopping meanwhile (the framework shutting down) ends it quietly, wherever it was.
     */
    private void warmUp(BundleContext context, HvrConfig config, ViewSwapper swapper, FrameworkClassPath classPath,
            List<Path> roots, List<Path> excluded) {
        try {
            LaunchReady.await(context);
            Tools tools = tools(context, config, swapper, classPath);
            if (tools == null) {
                return;
            }
            WatchedProjects projects = WatchedProjects.find(context, roots, excluded);
            if (projects.installed().isEmpty() && projects.notInstalled().isEmpty()) {
                LOG.warn("HVR: no bundle project (a folder with a bnd.bnd) under {}: saves there change nothing; "
                        + "start from the project's root folder, or name it with --workspace DIR", roots);
            }
            if (!projects.notInstalled().isEmpty()) {
                LOG.info("HVR: not installed, so not swapped: {} (hvr:install FOLDER builds and installs one)",
                        projects.notInstalled().entrySet().stream().map(e -> e.getValue() + " in " + e.getKey())
                                .collect(java.util.stream.Collectors.joining(", ")));
            }
            OutOfDateBundles outOfDate = OutOfDateBundles.ofLauncher(
                    context.getProperty(OutOfDateBundles.LAUNCHER_PROPERTY));
            buildOutOfDate(tools.pipeline(), projects.installed(), watchedSince, outOfDate);
            rehearseSave(projects.installed().keySet());
            Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
            Path work = tools.compiler().work();
            new WarmUp(tools.compiler(), () -> BundleCompiler.another(classPath).workIn(work), tools.packager(),
                    tools.pipeline(), status::warmUp).maxBuilds(config.warm__up__builds())
                    .builtFromSources((project, bundle) -> !OutOfDateBundles.savedSince(project, watchedSince)
                            && !outOfDate.isOutOfDate(project, bundle))
                    .projects(projects.installed(), WARM_UP_DELAY_MS);
        } catch (InterruptedException e) {
            pipeline.cancel(false); // HVR stopping before the launch was ready
        } catch (RuntimeException | LinkageError e) {
            // a stopped bundle's classes and context fail in many ways: none of them is news once HVR is stopping
            if (!isStopped()) {
                throw e;
            }
            LOG.debug("HVR: warm-up ended by the stop: {}", e.toString());
        }
    }

    /** Runs the watcher's part of a save of a project's source, delivering nothing: see {@link SourceWatcher#rehearse}. */
    private void rehearseSave(Set<Path> projects) {
        SourceWatcher watching = watcher; // set before this thread started
        if (watching == null) {
            return;
        }
        for (Path project : projects) {
            try (Stream<Path> files = Files.walk(ProjectLayout.sources(project))) {
                Optional<Path> source = files.filter(file -> file.toString().endsWith(".java")).findFirst();
                if (source.isPresent()) {
                    watching.rehearse(source.get());
                    return;
                }
            } catch (IOException | UncheckedIOException e) {
                // a project without sources: the next one
            }
        }
    }

    private synchronized boolean isStopped() {
        return stopped;
    }

    /**
     * The compiler (creating ecj's file manager reads the JDK's whole module image), bnd and the save pipeline, made
     * on the warm-up thread rather than in activation, which the launch waits for; null when HVR stopped meanwhile
     * or they cannot be made.
     */
    private Tools tools(BundleContext context, HvrConfig config, ViewSwapper swapper, FrameworkClassPath classPath) {
        try {
            BundleCompiler made = new BundleCompiler(classPath).workIn(WorkFolder.emptied(context));
            BundlePackager packager = new BundlePackager(classPath);
            SavePipeline built = new SavePipeline(context, sessions, swapper, status, templates, made, packager);
            built.carryState(config.hvr__enabled());
            built.redefineBodies(config.redefine__bodies());
            synchronized (this) {
                if (stopped) {
                    made.close();
                    pipeline.cancel(false);
                    return null;
                }
                compiler = made;
                firstBuild = new FirstBuild(made, packager);
                sessions.setMountListener(built::mounted);
            }
            status.compiler(made.compilerName());
            pipeline.complete(built);
            return new Tools(made, packager, built);
        } catch (IOException | RuntimeException e) {
            status.unavailable(e.getClass().getSimpleName() + ": " + e.getMessage());
            LOG.warn("HVR: unavailable: {}", e.toString());
            pipeline.completeExceptionally(e);
            return null;
        }
    }

    /**
     * Builds and installs, as a save would, every watched project whose bundle is older than its sources, or installs
     * the build of the same sources that the last run kept.
     */
    private static void buildOutOfDate(SavePipeline pipeline, Map<Path, Bundle> installed, FileTime watchedSince,
            OutOfDateBundles outOfDate) {
        for (Path project : outOfDate.of(installed)) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            Bundle bundle = installed.get(project);
            pipeline.exclusively(() -> buildIfOutOfDate(pipeline, project, bundle, watchedSince, outOfDate));
        }
    }

    /**
     * Run with no save being applied: a save applied since the project was found out of date built it already, and
     * one written since the watcher started is the watcher's to build.
     */
    private static void buildIfOutOfDate(SavePipeline pipeline, Path project, Bundle bundle, FileTime watchedSince,
            OutOfDateBundles outOfDate) {
        if (OutOfDateBundles.savedSince(project, watchedSince) || !outOfDate.isOutOfDate(project, bundle)) {
            return;
        }
        String bsn = bundle.getSymbolicName();
        if (pipeline.installKept(project)) {
            LOG.info("HVR: {} in {} was not built from its sources as they are now; installed the build of them "
                    + "kept from the last run", bsn, project);
            return;
        }
        LOG.info("HVR: {} in {} was not built from its sources as they are now; building it", bsn, project);
        long before = bundle.getLastModified();
        FileTime builtAt = outOfDate.builtAt(bundle);
        pipeline.apply(new ChangeSet(project, Set.of(project.resolve("bnd.bnd")), Set.of()), System.nanoTime());
        if (bundle.getLastModified() == before && pipeline.installKeptNewerThan(project, builtAt)) {
            // the sources do not build: the last build that did, newer than the jar, stays live as before the restart
            LOG.info("HVR: {} does not build; installed the last build that did, kept from the last run", bsn);
        }
    }

    private static void apply(SavePipeline pipeline, Burst burst) {
        pipeline.markSaved();
        for (ChangeSet change : burst.changeSets()) {
            pipeline.apply(change, burst.firstEventNanos());
        }
    }

    /**
     * Builds the bundle project {@code project}, not installed yet, into {@code deploy/}, from where the runtime
     * installs it (now and at every start), and answers once it is started, so that a project importing its
     * packages builds right after; then its saves swap as any other's. What happened, for the console.
     */
    public String install(Path project) {
        if (watcher != null) {
            pipeline();
        }
        FirstBuild build = firstBuild;
        if (build == null) {
            return "HVR is not watching (see hvr:check): nothing can be built";
        }
        FirstBuild.Result result = build.install(project, deploy);
        try {
            if (result.jar() != null && !DeployedBundle.awaitStarted(context, result.jar(), DEPLOY_WAIT)) {
                return result.message() + "\nnot started by the runtime within " + DEPLOY_WAIT.toSeconds()
                        + " s: see the log";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return result.message();
    }

    /** The save pipeline once it is built; null when it cannot be or HVR stopped first. */
    private SavePipeline pipeline() {
        try {
            return pipeline.join();
        } catch (CancellationException | CompletionException e) {
            return null;
        }
    }

    @Deactivate
    void stop() throws IOException {
        BundleCompiler made;
        synchronized (this) {
            stopped = true;
            made = compiler;
        }
        pipeline.cancel(false);
        sessions.setTemplateSource(null);
        sessions.setMountListener(null);
        if (warm != null) {
            warm.interrupt();
        }
        if (watcher != null) {
            watcher.close();
        }
        if (made != null) {
            made.close();
        }
    }

    static List<Path> list(String[] dirs) {
        List<Path> paths = new ArrayList<>();
        for (String d : dirs) {
            paths.add(Path.of(d).toAbsolutePath().normalize());
        }
        return paths;
    }
}
