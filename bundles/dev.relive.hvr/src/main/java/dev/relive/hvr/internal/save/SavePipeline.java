package dev.relive.hvr.internal.save;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.relive.hvr.internal.HvrStatus;
import dev.relive.hvr.internal.ReliveBundles;
import dev.relive.hvr.internal.build.BundleCompiler;
import dev.relive.hvr.internal.build.BundlePackager;
import dev.relive.hvr.internal.build.ClassFingerprint;
import dev.relive.hvr.internal.build.CompileResult;
import dev.relive.hvr.internal.build.OutputClasses;
import dev.relive.hvr.internal.build.ProjectName;
import dev.relive.hvr.internal.watch.ChangeSet;
import dev.relive.runtime.spi.LiveSession;
import dev.relive.runtime.spi.LiveSessions;
import dev.relive.runtime.spi.ViewSlot;
import dev.relive.runtime.spi.ViewSwap;
import dev.relive.runtime.spi.ViewSwapper;

/**
 * Turns one saved change set into new code in the browser, in stages: a template-only save is re-rendered
 * ({@link TemplateSave}); a Java save is built ({@link BundleBuild}: compile and package), the sessions showing its
 * views are held and their state captured ({@link ViewSwapper}), the jar installed ({@link BundleInstall}), the
 * views swapped to the new classes with their state, the pages rendered, and the browsers told
 * ({@link BrowserNotices}). Each session is held from the capture to its own render, so its events queue and then run
 * on the new instances; sessions are swapped and rendered on several threads at once. One save at a time.
 */
public final class SavePipeline {

    private static final Logger LOG = LoggerFactory.getLogger("dev.relive.hvr");
    /** Threads rendering the sessions again after a redefinition, the save's own included. */
    private static final int RENDER_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final HvrStatus status;
    private final TemplateOverrides templates;
    private final ViewSwapper swapper;
    private final BundleBuild build;
    private final BundleInstall install;
    private final BrowserNotices notices;
    private final TemplateSave templateSave;
    private final InstalledClasses installedClasses = new InstalledClasses();
    private final KeptBuilds kept;
    private final ClassRedefinition redefinition;
    private final LiveSessions sessions;
    private final BundleContext context;
    private volatile boolean carryState = true;
    private volatile boolean saved;

    public SavePipeline(BundleContext context, LiveSessions sessions, ViewSwapper swapper, HvrStatus status,
            TemplateOverrides templates, BundleCompiler compiler, BundlePackager packager) {
        this.status = status;
        this.templates = templates;
        this.swapper = swapper;
        this.build = new BundleBuild(compiler, packager);
        this.install = new BundleInstall(context);
        this.notices = new BrowserNotices(sessions, status);
        this.templateSave = new TemplateSave(sessions, status, templates, notices);
        this.kept = KeptBuilds.of(context);
        this.redefinition = new ClassRedefinition(context);
        this.sessions = sessions;
        this.context = context;
        context.addBundleListener(event -> {
            if (event.getType() == org.osgi.framework.BundleEvent.UNRESOLVED) {
                unresolved(event.getBundle());
            }
        });
    }

    /** Whether a save has come since start-up (the initial builds of out-of-date bundles are not saves). */
    public boolean saved() {
        return saved;
    }

    /** A developer saved (the watcher delivered a change): the warm-up gives way from now on. */
    public void markSaved() {
        saved = true;
    }

    /** Reads the classes of {@code bundle} as installed now, so the next save of it need not. */
    public void fingerprint(Bundle bundle) {
        installedClasses.of(bundle);
    }

    /**
     * The project's build for keeps, made from the sources {@code bundle}'s installed jar was built from: the classes
     * the next save leaves as they were are not changes, whichever compiler built the jar.
     */
    public void builtFromInstalledSources(Bundle bundle, byte[] jar) {
        redefinition.baseline(bundle, ClassFingerprint.classesOfJar(jar));
    }

    /** Runs the runtime's capture and restore of state on samples, so the first save's swap is not a cold one. */
    public void warmUpSwap() {
        swapper.warmUp();
    }

    /** {@code false}: every save updates the bundle and reloads the pages (HVR off, watcher on). */
    public void carryState(boolean carry) {
        this.carryState = carry;
    }

    /**
     * {@code false}: every Java save installs its build, also when it changed only method bodies, which are otherwise
     * redefined in place (see {@link ClassRedefinition}).
     */
    public void redefineBodies(boolean redefine) {
        redefinition.enabled(redefine);
    }

    /** @param firstEventNanos when the watcher saw the save (see {@link dev.relive.hvr.internal.watch.Burst}) */
    public synchronized void apply(ChangeSet change, long firstEventNanos) {
        long started = System.nanoTime();
        SaveTimeline timeline = new SaveTimeline(firstEventNanos);
        String bsn = ProjectName.of(change.project());
        if (ReliveBundles.contains(bsn)) {
            LOG.info("HVR: {} is part of Relive itself and is not swapped; rebuild and restart to use the change", bsn);
            return;
        }
        Bundle bundle = install.installed(bsn);
        if (bundle == null) {
            LOG.info("HVR: {} changed but no bundle {} is installed; ignored (hvr:install {} builds and installs it)",
                    change.project(), bsn, change.project());
            return;
        }
        try {
            if (carryState && TemplateSave.applies(change)) {
                templateSave.apply(change, bsn, timeline);
            } else {
                javaSave(change, bundle, timeline);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (stopping()) {
                LOG.info("HVR: the save of {} was not applied: the runtime is stopping ({})", bsn, e.toString());
                return;
            }
            LOG.error("HVR: {} failed", bsn, e);
            status.built(new HvrStatus.Build(bsn, false, "internal error: " + e, Instant.now(), timeline.phases()));
        }
        LOG.debug("HVR: {} handled in {} ms", bsn, (System.nanoTime() - started) / 1_000_000);
    }

    /** Whether the framework, or this bundle, is on its way down: a save that fails then is not an error. */
    private boolean stopping() {
        try {
            int self = context.getBundle().getState();
            int framework = context.getBundle(0).getState();
            return self == Bundle.STOPPING || framework == Bundle.STOPPING || framework == Bundle.RESOLVED;
        } catch (IllegalStateException e) {
            return true; // the context is no longer valid
        }
    }

    /**
     * Runs {@code work} while no save is applied: a save in progress ends first, and saves seen meanwhile wait. For
     * work that must look at the installed bundles and act on what it sees in one step.
     */
    public synchronized void exclusively(Runnable work) {
        work.run();
    }

    /** A page was mounted: it shows the overlay of a failing build of its views' bundles. */
    public void mounted(LiveSession session) {
        notices.mounted(session);
    }

    /**
     * Installs the build of {@code project} kept from the last run when it was written after {@code builtAt} (the
     * time of the jar installed now), whatever sources it was built from: for a project whose sources do not build,
     * the last code that did stays live rather than an older jar's. Whether it was installed.
     */
    public synchronized boolean installKeptNewerThan(Path project, java.nio.file.attribute.FileTime builtAt) {
        return installKept(project, bsn -> kept.newerThan(bsn, builtAt),
                "the last build that worked, kept from the last run");
    }

    /**
     * Installs the build of {@code project} kept from an earlier run ({@link KeptBuilds}), as a save would, when it
     * was built from the sources as they are now; {@code false} when there is none, and the project must be built.
     */
    public synchronized boolean installKept(Path project) {
        return installKept(project, bsn -> kept.matching(bsn, project), "the build kept from the last run");
    }

    /** Installs the kept jar {@code pick} gives for the project's bundle, if any; whether it did. */
    private boolean installKept(Path project, java.util.function.Function<String, byte[]> pick, String summary) {
        String bsn = ProjectName.of(project);
        Bundle bundle = install.installed(bsn);
        byte[] jar = bundle == null || ReliveBundles.contains(bsn) ? null : pick.apply(bsn);
        if (jar == null) {
            return false;
        }
        try {
            swapIn(project.resolve("bnd.bnd"), bundle, jar, summary, new SaveTimeline(System.nanoTime()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    private void javaSave(ChangeSet change, Bundle bundle, SaveTimeline timeline) throws InterruptedException {
        Path file = savedFile(change);
        boolean mayRedefine = carryState && onlyJava(change);
        String[] redefined = new String[1];
        // a build of method bodies only is applied as soon as it is compiled; its jar is packaged after, for keeps
        BundleBuild.Outcome built = build.build(change.project(), bundle, !mayRedefine ? null
                : (compiled, compileTime, lockTime) -> {
                    addCompile(timeline, compileTime, lockTime, compiled.compilerTime());
                    redefined[0] = redefineCompiled(file, bundle, compiled, timeline);
                    return redefined[0] != null;
                });
        if (!built.appliedEarly()) {
            addCompile(timeline, built.compileTime(), built.lockTime(), built.compilerTime());
        }
        if (built.packageTime() != null) {
            timeline.add("package", built.packageTime());
        }
        if (built.stampTime() != null) {
            timeline.add("stamp", built.stampTime());
        }
        if (built.appliedEarly()) {
            if (built.success()) {
                redefinition.jarBuilt(bundle, built.jar());
                kept.keep(bundle.getSymbolicName(), built.jar());
            } else {
                LOG.warn("HVR: {} runs the new method bodies, but its jar could not be packaged: {}",
                        bundle.getSymbolicName(), built.errors());
            }
            status.built(new HvrStatus.Build(bundle.getSymbolicName(), true, redefined[0] + "; "
                    + (built.success() ? built.summary() : "not packaged"), Instant.now(), timeline.phases()));
            return;
        }
        if (!built.success()) {
            notices.buildFailed(bundle, install.withDependents(bundle), built.errors(), timeline);
            return;
        }
        if (swapIn(file, bundle, built.jar(), ClassFingerprint.ofJar(built.jar()), built.summary()
                + (mayRedefine ? "; not redefined: " + redefinition.lastRefusal() : ""), timeline)) {
            kept.keep(bundle.getSymbolicName(), built.jar());
        }
    }

    private static void addCompile(SaveTimeline timeline, java.time.Duration compileTime,
            java.time.Duration lockTime, java.time.Duration compilerTime) {
        timeline.add("compile", compileTime);
        timeline.detail("compile", "lock", lockTime);
        timeline.detail("compile", "compiler", compilerTime);
    }

    /**
     * Redefines the compiled classes when they change method bodies only, and renders the sessions again; what was
     * done, or {@code null} when the build must be packaged and installed.
     */
    private String redefineCompiled(Path file, Bundle bundle, CompileResult compiled, SaveTimeline timeline) {
        // a build keeps its output's classes in memory, and fingerprints them from the last build's
        OutputClasses output = compiled.classes();
        if (output == null) {
            return null; // not a build's result: installed as it is
        }
        try {
            long started = System.nanoTime();
            Map<String, String> prints = output.fingerprints();
            return redefined(file, bundle, output.bytes(), prints,
                    java.time.Duration.ofNanos(System.nanoTime() - started), timeline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "redefined in place, rendering interrupted";
        }
    }

    private static boolean onlyJava(ChangeSet change) {
        return change.deleted().isEmpty() && !change.changed().isEmpty()
                && change.changed().stream().allMatch(file -> file.toString().endsWith(".java"));
    }

    /**
     * Redefines the running classes when the build changed only method bodies, then renders again every session
     * showing a view of the bundle or of a bundle wired to it: each is held for its render only, and keeps its
     * instances. Whether it was done; {@code false} leaves everything as it was, for the build to be installed.
     */
    private String redefined(Path file, Bundle bundle, Map<String, byte[]> classes, Map<String, String> newPrints,
            java.time.Duration printsTime, SaveTimeline timeline) throws InterruptedException {
        Map<String, String> oldPrints = installedClasses.of(bundle);
        Set<String> changed = InstalledClasses.changed(oldPrints, newPrints);
        Set<String> redefinedClasses = redefinition.redefine(bundle, oldPrints, classes, changed);
        if (redefinedClasses == null) {
            return null;
        }
        timeline.mark("redefine");
        timeline.detail("redefine", "prints", printsTime);
        timeline.detail("redefine", "jvm", redefinition.jvmTime());
        installedClasses.installed(bundle, newPrints);
        notices.built(bundle);
        String bsn = bundle.getSymbolicName();
        LOG.info("HVR: {} redefined in place ({} class(es) changed in method bodies only)", bsn,
                redefinedClasses.size());
        Set<Bundle> affected = install.withDependents(bundle);
        SwapReport report = new SwapReport(changed, notices, status, "redefined in place");
        List<LiveSession> waiting = new ArrayList<>();
        List<LiveSession> idle = new ArrayList<>();
        List<LiveSession> unmounted = new ArrayList<>();
        for (LiveSession session : sessions.sessions()) {
            if (session.slots().isEmpty()) {
                unmounted.add(session);
            } else if (!viewsOf(session, affected).isEmpty()) {
                (session.waitingSince().isPresent() ? waiting : idle).add(session);
            }
        }
        // the sessions whose events wait go first, the longest waiting first; then the idle ones; a mount in progress
        // ran into the new bodies and is told once done, as a swap tells it (its hold waits for it), last
        waiting.sort(java.util.Comparator.comparingLong(session -> session.waitingSince().orElse(Long.MAX_VALUE)));
        java.util.Queue<LiveSession> order = new java.util.concurrent.ConcurrentLinkedQueue<>(waiting);
        order.addAll(idle);
        order.addAll(unmounted);
        Runnable renderAll = () -> {
            for (LiveSession session = order.poll(); session != null; session = order.poll()) {
                try {
                    rerender(session, affected, report, file, bsn, timeline);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    LOG.warn("HVR: session {} was not rendered again after the redefinition", session.id(), e);
                }
            }
        };
        List<Thread> helpers = new ArrayList<>();
        for (int i = 1; i < Math.min(RENDER_THREADS, order.size()); i++) {
            Thread helper = new Thread(renderAll, "relive-hvr-render-" + i);
            helper.setDaemon(true);
            helper.start();
            helpers.add(helper);
        }
        renderAll.run();
        for (Thread helper : helpers) {
            helper.join();
        }
        int shown = report.finish();
        timeline.mark("render");
        return "redefined " + redefinedClasses.size() + " class(es) in place, rendered " + shown
                + " session(s) again";
    }

    /** Renders the session again, held, with {@code hvr-applied}, if it shows a view of {@code affected}. */
    private void rerender(LiveSession session, Set<Bundle> affected, SwapReport report, Path file, String bsn,
            SaveTimeline timeline) throws InterruptedException {
        session.hold();
        try {
            List<String> views = viewsOf(session, affected);
            if (!views.isEmpty()) {
                String view = report.shown(session, views);
                session.rerender(notices.applied(view, report.version(view), file, bsn, timeline,
                        timeline.phasesWith("render"), List.of()), message -> notices.renderFailed(view, message));
            }
        } finally {
            session.release();
        }
    }

    /** The classes of the session's views (its page's first) when one of them is of {@code bundles}, else none. */
    private static List<String> viewsOf(LiveSession session, Set<Bundle> bundles) {
        return BrowserNotices.showsViewOf(session, bundles)
                ? session.slots().stream().map(ViewSlot::className).toList() : List.of();
    }

    /** Installs {@code jar} and swaps the views of the bundle and its dependents; whether it was installed. */
    private boolean swapIn(Path file, Bundle bundle, byte[] jar, String summary, SaveTimeline timeline)
            throws InterruptedException {
        return swapIn(file, bundle, jar, ClassFingerprint.ofJar(jar), summary, timeline);
    }

    private boolean swapIn(Path file, Bundle bundle, byte[] jar, Map<String, String> newPrints, String summary,
            SaveTimeline timeline) throws InterruptedException {
        Set<Bundle> affected = install.withDependents(bundle);
        Map<String, String> oldPrints = installedClasses.of(bundle);
        Set<String> classesAfter = installedClasses.after(affected, bundle, newPrints);
        try (ViewSwap swap = swapper.hold(affected)) {
            timeline.mark("snapshot");
            redefinition.forget(bundle);
            updateRedefinedDependents(bundle, affected);
            BundleInstall.Outcome installed = install.install(bundle, jar, affected.size() > 1);
            timeline.add("update", installed.updateTime());
            installed.updateSteps().forEach((step, took) -> timeline.detail("update", step, took));
            if (installed.refreshTime() != null) {
                timeline.add("refresh", installed.refreshTime());
            }
            if (installed.failure() != null) {
                notices.installFailed(bundle, affected, installed.failure(), timeline);
                return false;
            }
            templates.clear(bundle.getSymbolicName());
            notices.built(bundle);
            installedClasses.installed(bundle, newPrints);
            SwapReport report = new SwapReport(InstalledClasses.changed(oldPrints, newPrints), notices, status);
            if (carryState) {
                String bsn = bundle.getSymbolicName();
                // each session is rendered and released as soon as it is swapped, on the swap's threads
                swap.restore(classesAfter, outcome -> {
                    String view = report.add(outcome);
                    if (outcome.swapped()) {
                        outcome.session().rerender(view == null ? null : notices.applied(view, report.version(view),
                                file, bsn, timeline, timeline.phasesWith("restore"), SwapReport.droppedAsSeenBy(outcome, view)),
                                message -> notices.renderFailed(view, message));
                    }
                });
            } else {
                report.addAll(swap.reload(SwapReport.HVR_DISABLED));
            }
            int swapped = report.finish();
            timeline.mark("restore+render");
            status.built(new HvrStatus.Build(bundle.getSymbolicName(), true, "swapped " + swapped
                    + " session(s); " + summary, Instant.now(), timeline.phases()));
            return true;
        }
    }

    /**
     * Updates each dependent whose classes were redefined with the jar built with them, before the refresh that
     * follows the update would load its installed jar's older classes.
     */
    private void updateRedefinedDependents(Bundle updated, Set<Bundle> affected) {
        for (Bundle dependent : affected) {
            byte[] jar = dependent == updated ? null : redefinition.builtJar(dependent);
            if (jar != null) {
                try {
                    redefinition.forget(dependent);
                    dependent.update(new java.io.ByteArrayInputStream(jar));
                    LOG.info("HVR: {} updated to the build of its method bodies saved since its last update, before "
                            + "the refresh of {}", dependent.getSymbolicName(), updated.getSymbolicName());
                } catch (org.osgi.framework.BundleException e) {
                    LOG.warn("HVR: {} could not be updated to the build of its method bodies saved since its last "
                            + "update ({}); the refresh of {} runs its jar's", dependent.getSymbolicName(),
                            e.getMessage(), updated.getSymbolicName());
                }
            }
        }
    }

    /**
     * A bundle was refreshed or updated: classes redefined in it are gone with its class loader. When that was not a
     * save of its own (a library's update in {@code deploy/}, a refresh from the console), its classes are its jar's
     * again: the next save of it compares with them, and the log says so.
     */
    private void unresolved(Bundle bundle) {
        if (redefinition.forgetIfGone(bundle)) {
            installedClasses.forget(bundle);
            LOG.warn("HVR: {} was refreshed: it runs its installed jar's classes again, without the method bodies "
                    + "saved since its last update; save one of its sources to build and apply them again",
                    bundle.getSymbolicName());
        }
    }

    /**
     * The file {@code hvr-applied} names: a changed {@code .java} source, else another changed file, else (a save that
     * only deleted files) a deleted one.
     */
    static Path savedFile(ChangeSet change) {
        return change.changed().stream().filter(f -> f.toString().endsWith(".java")).findFirst()
                .or(() -> change.changed().stream().findFirst())
                .or(() -> change.deleted().stream().findFirst()).orElse(null);
    }
}
