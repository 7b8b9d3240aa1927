package dev.relive.hvr.internal.swap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.hvr.internal.HvrStatus;
import dev.relive.hvr.internal.build.BundleCompiler;
import dev.relive.hvr.internal.build.BundlePackager;
import dev.relive.hvr.internal.build.ClassFingerprint;
import dev.relive.hvr.internal.build.CompileError;
import dev.relive.hvr.internal.build.PackageResult;
import dev.relive.hvr.internal.state.StateMapper;
import dev.relive.hvr.internal.watch.ChangeSet;
import dev.relive.runtime.spi.HvrApplied;
import dev.relive.runtime.spi.HvrError;
import dev.relive.runtime.spi.LiveSession;
import dev.relive.runtime.spi.LiveSessions;
import dev.relive.runtime.spi.ReloadReason;
import dev.relive.runtime.spi.TemplateFiles;

/**
 * Turns one saved change set into new code in the browser: template-only edits re-render; Java edits are compiled,
 * packaged, installed with {@code Bundle.update}, and every live view of the bundle (and of bundles wired to it) is
 * replaced by an instance of its new class carrying the old instance's state. Sessions are held meanwhile, so their
 * events queue and then run on the new instances. Runs on one thread at a time.
 */
public final class HotSwapper {

    private static final Logger LOG = LoggerFactory.getLogger("dev.relive.hvr");
    private static final String RESOURCES = TemplateFiles.RESOURCES;
    private static final long SERVICE_WAIT_MS = 3000;
    /** Bundles HVR never updates: it would be replacing the code that is doing the replacing. */
    private static final Set<String> RELIVE_ITSELF = Set.of("dev.relive.api", "dev.relive.runtime", "dev.relive.hvr",
            "dev.relive.itest");

    private final BundleContext context;
    private final LiveSessions sessions;
    private final HvrStatus status;
    private final TemplateOverrides templates;
    private final BundleCompiler compiler;
    private final BundlePackager packager;
    private final Set<String> sessionsWithError = ConcurrentHashMap.newKeySet();
    /** Fingerprints of the jars this swapper installed, so the next save need not read them back from the bundle. */
    private final Map<String, Prints> installedPrints = new ConcurrentHashMap<>();
    private volatile boolean carryState = true;
    private int builds;

    public HotSwapper(BundleContext context, LiveSessions sessions, HvrStatus status, TemplateOverrides templates,
            BundleCompiler compiler, BundlePackager packager) {
        this.context = context;
        this.sessions = sessions;
        this.status = status;
        this.templates = templates;
        this.compiler = compiler;
        this.packager = packager;
    }

    /** {@code false}: every save updates the bundle and reloads the pages (HVR off, watcher on). */
    public void carryState(boolean carry) {
        this.carryState = carry;
    }

    public synchronized void apply(ChangeSet change) {
        long started = System.nanoTime();
        long savedAt = savedAt(change);
        String bsn = change.project().getFileName().toString();
        if (RELIVE_ITSELF.contains(bsn)) {
            LOG.info("HVR: {} is part of Relive itself and is not swapped; rebuild and restart to use the change", bsn);
            return;
        }
        Bundle bundle = installed(bsn);
        if (bundle == null) {
            LOG.info("HVR: {} changed but no bundle {} is installed; ignored", change.project(), bsn);
            return;
        }
        Phases phases = new Phases();
        phases.put("watch", Math.max(0, System.currentTimeMillis() - savedAt));
        try {
            if (carryState && templateOnly(change)) {
                applyTemplates(change, bsn, savedAt, phases);
            } else {
                rebuild(change, bundle, savedAt, phases);
            }
        } catch (RuntimeException e) {
            LOG.error("HVR: {} failed", bsn, e);
            status.built(new HvrStatus.Build(bsn, false, "internal error: " + e, Instant.now(), phases.map()));
        }
        LOG.debug("HVR: {} handled in {} ms", bsn, (System.nanoTime() - started) / 1_000_000);
    }

    // ---- template-only edits ----

    private void applyTemplates(ChangeSet change, String bsn, long savedAt, Phases phases) {
        Path resources = change.project().resolve(RESOURCES);
        Map<String, Path> changedPaths = new LinkedHashMap<>();
        for (Path file : change.changed()) {
            String path = resources.relativize(file).toString().replace('\\', '/');
            try {
                templates.put(bsn, path, Files.readString(file));
                changedPaths.put(path, file);
            } catch (IOException e) {
                LOG.warn("HVR: cannot read {}: {}", file, e.getMessage());
            }
        }
        phases.mark("read");
        Map<String, Integer> versions = new HashMap<>(); // one new version per view, however many sessions show it
        for (LiveSession session : sessions.sessions()) {
            String changedView = null;
            Path file = null;
            for (var slot : session.slots()) {
                Bundle b = FrameworkUtil.getBundle(slot.view().getClass());
                String path = TemplateFiles.pathOf(slot.className());
                if (b != null && bsn.equals(b.getSymbolicName()) && changedPaths.containsKey(path)) {
                    changedView = slot.className();
                    file = changedPaths.get(path);
                    break;
                }
            }
            if (changedView == null) {
                continue;
            }
            try {
                session.hold();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                int version = versions.computeIfAbsent(changedView, view -> status.swapped(view, "template"));
                session.rerender(applied(changedView, version, file, savedAt, bsn, phases));
            } finally {
                session.release();
            }
        }
        phases.mark("render");
        status.built(new HvrStatus.Build(bsn, true, "template re-rendered", Instant.now(), phases.map()));
    }

    // ---- Java edits ----

    private void rebuild(ChangeSet change, Bundle bundle, long savedAt, Phases phases) {
        compiler.build(change.project(), compiled -> {
            phases.mark("compile");
            if (!compiled.success()) {
                compileFailed(bundle, compiled.errors(), phases);
                return null;
            }
            PackageResult packed = packager.pack(change.project(), compiled.outputDir(), nextVersion(bundle));
            phases.mark("package");
            if (!packed.success()) {
                CompileError error = new CompileError(change.project().resolve("bnd.bnd"), 0, 0,
                        String.join("; ", packed.errors()));
                compileFailed(bundle, List.of(error), phases);
                return null;
            }
            String how = "compiled " + compiled.compiledFiles() + " of " + compiled.sourceFiles() + " source(s), "
                    + (packed.analysed() ? "analysed by bnd" : "manifest unchanged");
            swap(change, bundle, packed.jar(), savedAt, phases, how);
            return null;
        });
    }

    private void compileFailed(Bundle bundle, List<CompileError> errors, Phases phases) {
        CompileError first = errors.get(0);
        String bsn = bundle.getSymbolicName();
        LOG.warn("HVR: {} does not compile: {}:{}: {}", bsn, first.file(), first.line(), first.message());
        status.built(new HvrStatus.Build(bsn, false, first.file().getFileName() + ":" + first.line() + ": "
                + first.message(), Instant.now(), phases.map()));
        HvrError frame = new HvrError(bsn, first.file().toString(), first.line(), first.column(), first.message());
        Set<Bundle> affected = withDependents(bundle);
        for (LiveSession session : sessions.sessions()) {
            if (!slotsIn(session, affected).isEmpty()) {
                sessionsWithError.add(session.id());
                session.showError(frame);
            }
        }
    }

    private void swap(ChangeSet change, Bundle bundle, byte[] jar, long savedAt, Phases phases, String how) {
        String bsn = bundle.getSymbolicName();
        Map<String, String> oldPrints = installedPrints(bundle);
        Map<String, String> newPrints = ClassFingerprint.ofJar(jar);
        Set<Bundle> affected = withDependents(bundle);
        List<LiveSession> held = new ArrayList<>();
        ObjectMapper mapper = StateMapper.create();
        try {
            Set<LiveSession> seen = new HashSet<>();
            Map<LiveSession, List<SlotState>> captured = capture(seen, false, affected, mapper, held);
            phases.mark("snapshot");
            if (!install(bundle, jar, affected, phases)) {
                return;
            }
            templates.clear(bsn);
            installedPrints.put(bsn, new Prints(bundle.getVersion().toString(), newPrints));
            Set<String> changedClasses = changedClasses(oldPrints, newPrints);
            Path file = savedFile(change);
            Set<String> classesAfter = classesAfter(affected, bundle, newPrints);
            Map<LiveSession, String> restored = new LinkedHashMap<>();
            Set<String> swappedViews = new LinkedHashSet<>();
            for (int pass = 0; pass < 3 && !captured.isEmpty(); pass++) {
                for (var entry : captured.entrySet()) {
                    if (restore(entry.getKey(), entry.getValue(), classesAfter, mapper)) {
                        restored.put(entry.getKey(),
                                shownView(entry.getKey(), entry.getValue(), changedClasses, swappedViews));
                    }
                }
                // sessions that connected after the first pass may have mounted an old-revision instance
                captured = capture(seen, true, affected, mapper, held);
            }
            swappedViews.forEach(view -> status.swapped(view, "swapped"));
            phases.mark("restore");
            restored.forEach((session, shown) -> session.rerender(shown == null ? null
                    : applied(shown, status.version(shown), file, savedAt, bsn, phases)));
            phases.mark("render+send");
            status.built(new HvrStatus.Build(bsn, true, "swapped " + restored.size() + " session(s); " + how,
                    Instant.now(), phases.map()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            held.forEach(LiveSession::release);
        }
    }

    /**
     * Holds the sessions not {@code seen} yet (and marks them seen) that show a view of the {@code affected} bundles
     * or have not mounted one yet, adding them to {@code held}, and captures the state of their affected views; with
     * {@code onlyOldRevision}, only of sessions showing an instance of an old revision. A session held before its
     * mount runs mounts the new code once released; holding waits for a mount in progress.
     */
    private Map<LiveSession, List<SlotState>> capture(Set<LiveSession> seen, boolean onlyOldRevision,
            Set<Bundle> affected, ObjectMapper mapper, List<LiveSession> held) throws InterruptedException {
        Map<LiveSession, List<SlotState>> captured = new LinkedHashMap<>();
        for (LiveSession session : sessions.sessions()) {
            if (!seen.add(session) || !session.slots().isEmpty() && slotsIn(session, affected).isEmpty()) {
                continue;
            }
            session.hold();
            held.add(session);
            if (onlyOldRevision && !showsOldRevision(session, affected)) {
                continue;
            }
            List<SlotState> states = new ArrayList<>();
            for (var slot : slotsIn(session, affected)) {
                states.add(SlotState.capture(slot, mapper));
            }
            if (!states.isEmpty()) {
                captured.put(session, states);
            }
        }
        return captured;
    }

    /** A view of the session comes from a class loader its bundle no longer uses. */
    private static boolean showsOldRevision(LiveSession session, Set<Bundle> affected) {
        for (var slot : slotsIn(session, affected)) {
            Class<?> type = slot.view().getClass();
            BundleWiring wiring = FrameworkUtil.getBundle(type).adapt(BundleWiring.class);
            if (wiring == null || wiring.getClassLoader() != type.getClassLoader()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Updates the bundle and refreshes its dependents; false (reported) when the new code cannot run. A bundle that
     * cannot start is not refreshed, so its old revision stays usable by the live sessions.
     */
    private boolean install(Bundle bundle, byte[] jar, Set<Bundle> affected, Phases phases) {
        String bsn = bundle.getSymbolicName();
        try {
            bundle.update(new ByteArrayInputStream(jar));
            phases.mark("update");
            if (bundle.getState() != Bundle.ACTIVE) {
                bundle.start();
            }
            if (affected.size() > 1) {
                // bundles wired to the old revision move to the new one; without dependents Felix drops the old
                // revision by itself, and a refresh would only restart the bundle a second time
                refresh(bundle);
                phases.mark("refresh");
            }
            if (bundle.getState() != Bundle.ACTIVE) {
                bundle.start();
            }
        } catch (BundleException e) {
            bundleFailed(bundle, affected, e.getMessage(), phases);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        LOG.info("HVR: {} updated to {}", bsn, bundle.getVersion());
        return true;
    }

    private void bundleFailed(Bundle bundle, Set<Bundle> affected, String message, Phases phases) {
        String bsn = bundle.getSymbolicName();
        LOG.warn("HVR: {} cannot start after the update; sessions keep the old code: {}", bsn, message);
        compileFailed(bundle, List.of(new CompileError(Path.of(bsn, "bnd.bnd"), 0, 0,
                "bundle " + bsn + " cannot start: " + message)), phases);
    }

    /** Puts new instances carrying the old state into the session's slots; false when the session reloads instead. */
    private boolean restore(LiveSession session, List<SlotState> states, Set<String> newClasses,
            ObjectMapper mapper) {
        if (!carryState) {
            session.reload(ReloadReason.of(ReloadReason.Code.HVR_DISABLED));
            return false;
        }
        List<SlotState.Prepared> prepared = new ArrayList<>();
        String failure = null;
        for (SlotState state : states) {
            Optional<SlotState.Prepared> p = newClasses.contains(state.className())
                    ? state.prepare(session, context, SERVICE_WAIT_MS, mapper) : Optional.empty();
            if (p.isEmpty() || p.get().failure() != null) {
                failure = p.isEmpty() ? "class_removed" : p.get().failure();
                p.ifPresent(x -> x.discard(session));
                break;
            }
            prepared.add(p.get());
        }
        if (failure != null) {
            prepared.forEach(x -> x.discard(session));
            LOG.warn("HVR incompat: {} (session {}, {})", failure, session.id(), states.get(0).className());
            for (SlotState s : states) {
                status.outcome(s.className(), "reload: " + failure);
            }
            session.reload(ReloadReason.parse(failure));
            return false;
        }
        prepared.forEach(p -> p.install(session));
        return true;
    }

    /**
     * Adds to {@code swapped} each view of the session whose class changed (or every view, after a compile error the
     * session was shown) and returns the first of them, which {@code hvr-applied} names; {@code null}: none changed.
     */
    private String shownView(LiveSession session, List<SlotState> states, Set<String> changedClasses,
            Set<String> swapped) {
        String shown = null;
        for (SlotState s : states) {
            if (changedClasses.contains(s.className()) || sessionsWithError.contains(session.id())) {
                swapped.add(s.className());
                if (shown == null) {
                    shown = s.className();
                }
            }
        }
        sessionsWithError.remove(session.id());
        return shown;
    }

    // ---- helpers ----

    private HvrApplied applied(String view, int version, Path file, long savedAt, String bsn, Phases phases) {
        return new HvrApplied(view, version, file == null ? null : file.toString(),
                Math.max(0, System.currentTimeMillis() - savedAt), bsn, phases.map());
    }

    private void refresh(Bundle bundle) throws InterruptedException {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        if (!done.await(10, TimeUnit.SECONDS)) {
            LOG.warn("HVR: refresh of {} did not finish within 10 s", bundle.getSymbolicName());
        }
    }

    private Set<Bundle> withDependents(Bundle bundle) {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        Collection<Bundle> closure = wiring.getDependencyClosure(List.of(bundle));
        Set<Bundle> set = new HashSet<>(closure);
        set.add(bundle);
        return set;
    }

    private static List<dev.relive.runtime.spi.ViewSlot> slotsIn(LiveSession session, Set<Bundle> bundles) {
        List<dev.relive.runtime.spi.ViewSlot> list = new ArrayList<>();
        for (var slot : session.slots()) {
            Bundle b = FrameworkUtil.getBundle(slot.view().getClass());
            if (b != null && bundles.contains(b)) {
                list.add(slot);
            }
        }
        return list;
    }

    private Bundle installed(String bsn) {
        for (Bundle b : context.getBundles()) {
            if (bsn.equals(b.getSymbolicName()) && b.getState() != Bundle.UNINSTALLED) {
                return b;
            }
        }
        return null;
    }

    private String nextVersion(Bundle bundle) {
        Version v = bundle.getVersion();
        String q = v.getQualifier().replaceAll("-hvr\\d+$", "");
        builds++;
        return new Version(v.getMajor(), v.getMinor(), v.getMicro(), (q.isEmpty() ? "" : q + "-") + "hvr" + builds)
                .toString();
    }

    private record Prints(String version, Map<String, String> prints) {
    }

    private Map<String, String> installedPrints(Bundle bundle) {
        Prints known = installedPrints.get(bundle.getSymbolicName());
        return known != null && known.version().equals(bundle.getVersion().toString()) ? known.prints()
                : fingerprints(bundle);
    }

    /** Classes that exist after the update: the new jar's, and those of the refreshed dependents. */
    private static Set<String> classesAfter(Set<Bundle> affected, Bundle updated, Map<String, String> newPrints) {
        Set<String> names = new HashSet<>(newPrints.keySet());
        for (Bundle b : affected) {
            if (b != updated) {
                names.addAll(fingerprints(b).keySet());
            }
        }
        return names;
    }

    private static Map<String, String> fingerprints(Bundle bundle) {
        try {
            return ClassFingerprint.ofBundle(bundle);
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static Set<String> changedClasses(Map<String, String> before, Map<String, String> after) {
        Set<String> changed = new LinkedHashSet<>();
        after.forEach((name, print) -> {
            if (!print.equals(before.get(name))) {
                changed.add(name);
            }
        });
        return changed;
    }

    private static boolean templateOnly(ChangeSet change) {
        if (!change.deleted().isEmpty() || change.changed().isEmpty()) {
            return false;
        }
        Path resources = change.project().resolve(RESOURCES);
        return change.changed().stream()
                .allMatch(f -> f.startsWith(resources) && TemplateFiles.isTemplate(f.toString()));
    }

    private static Path savedFile(ChangeSet change) {
        return change.changed().stream().filter(f -> f.toString().endsWith(".java")).findFirst()
                .orElse(change.changed().stream().findFirst().orElse(null));
    }

    private static long savedAt(ChangeSet change) {
        long latest = 0;
        for (Path f : change.changed()) {
            try {
                latest = Math.max(latest, Files.getLastModifiedTime(f).toMillis());
            } catch (IOException e) {
                // deleted meanwhile
            }
        }
        return latest == 0 ? System.currentTimeMillis() : latest;
    }

    /** Milliseconds per phase, in the order they ran. */
    static final class Phases {
        private final Map<String, Long> ms = new LinkedHashMap<>();
        private long last = System.nanoTime();

        void put(String name, long millis) {
            ms.put(name, millis);
        }

        void mark(String name) {
            long now = System.nanoTime();
            ms.put(name, (now - last) / 1_000_000);
            last = now;
        }

        Map<String, Long> map() {
            return new LinkedHashMap<>(ms);
        }
    }
}
