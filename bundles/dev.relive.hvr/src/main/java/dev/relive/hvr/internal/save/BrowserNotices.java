package dev.relive.hvr.internal.save;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.relive.hvr.internal.HvrStatus;
import dev.relive.hvr.internal.build.CompileError;
import dev.relive.runtime.spi.HvrApplied;
import dev.relive.runtime.spi.HvrError;
import dev.relive.runtime.spi.LiveSession;
import dev.relive.runtime.spi.LiveSessions;
import dev.relive.runtime.spi.ViewSlot;

/**
 * The notify stage: what browsers and {@code hvr:status} are told about a save. A failed build shows an overlay
 * ({@code hvr-error}) in every session with a view of the bundle or of a bundle wired to it, and in every such
 * session that mounts a page (a new tab, a reload) until the bundle builds again; a swap or template re-render is
 * announced with {@code hvr-applied}. A session shown an error counts its views as changed by the next swap, so that
 * the overlay goes.
 */
final class BrowserNotices {

    private static final Logger LOG = LoggerFactory.getLogger("dev.relive.hvr");

    private final LiveSessions sessions;
    private final HvrStatus status;
    private final Set<String> sessionsWithError = ConcurrentHashMap.newKeySet();
    private final Map<Bundle, FailingBuild> failing = new ConcurrentHashMap<>();

    /** Templates whose last save did not parse, by {@code bsn!path}: the frame that says where. */
    private final Map<String, HvrError> refusedTemplates = new ConcurrentHashMap<>();

    /** The last build of a bundle failed: the frame that says so, and the bundles whose views it concerns. */
    private record FailingBuild(HvrError frame, Set<Bundle> affected) {
    }

    BrowserNotices(LiveSessions sessions, HvrStatus status) {
        this.sessions = sessions;
        this.status = status;
    }

    void buildFailed(Bundle bundle, Set<Bundle> affected, List<CompileError> errors, SaveTimeline timeline) {
        CompileError first = errors.get(0);
        String bsn = bundle.getSymbolicName();
        LOG.warn("HVR: {} does not compile: {}:{}: {}", bsn, first.file(), first.line(), first.message());
        status.built(new HvrStatus.Build(bsn, false, first.file().getFileName() + ":" + first.line() + ": "
                + first.message(), Instant.now(), timeline.phases()));
        HvrError frame = new HvrError(bsn, first.file().toString(), first.line(), first.column(), first.message());
        FailingBuild failure = new FailingBuild(frame, Set.copyOf(affected));
        failing.put(bundle, failure);
        for (LiveSession session : sessions.sessions()) {
            showIfConcerned(session, failure);
        }
    }

    /** The bundle built and installed: pages mounted from now on show no overlay for it, nor for its templates. */
    void built(Bundle bundle) {
        failing.remove(bundle);
        refusedTemplates.keySet().removeIf(key -> key.startsWith(bundle.getSymbolicName() + "!"));
    }

    /** Whether the last build of bundle {@code bsn} failed: its Java code in use is older than its sources. */
    boolean buildFailing(String bsn) {
        return failing.keySet().stream().anyMatch(bundle -> bsn.equals(bundle.getSymbolicName()));
    }

    /** The template {@code path} of {@code bsn} was saved and does not parse: pages mounted from now on show it. */
    void templateRefused(String bsn, String path, HvrError frame) {
        refusedTemplates.put(bsn + "!" + path, frame);
    }

    /** The template {@code path} of {@code bsn} was saved and parses. */
    void templateAccepted(String bsn, String path) {
        refusedTemplates.remove(bsn + "!" + path);
    }

    /**
     * A page was mounted in {@code session}: it shows the overlay of every failing build that concerns it, and of
     * every refused template it renders the last good version of.
     */
    void mounted(LiveSession session) {
        failing.values().forEach(failure -> showIfConcerned(session, failure));
        refusedTemplates.forEach((key, frame) -> {
            int bang = key.indexOf('!');
            if (session.renders(key.substring(0, bang), key.substring(bang + 1))) {
                sessionsWithError.add(session.id());
                session.showError(frame);
            }
        });
    }

    private void showIfConcerned(LiveSession session, FailingBuild failure) {
        if (showsViewOf(session, failure.affected())) {
            sessionsWithError.add(session.id());
            session.showError(failure.frame());
        }
    }

    void installFailed(Bundle bundle, Set<Bundle> affected, String message, SaveTimeline timeline) {
        String bsn = bundle.getSymbolicName();
        LOG.warn("HVR: {} cannot start after the update; sessions keep the old code: {}", bsn, message);
        buildFailed(bundle, affected, List.of(new CompileError(Path.of(bsn, "bnd.bnd"), 0, 0,
                "bundle " + bsn + " cannot start: " + message)), timeline);
    }

    /**
     * A page re-rendered with the new code failed to render (its browser got {@code hvr-error} of stage
     * {@code render}): {@code hvr:status} says so for {@code view} rather than "swapped".
     */
    void renderFailed(String view, String message) {
        if (view != null) {
            String said = message.length() > 200 ? message.substring(0, 200) + "..." : message;
            status.outcome(view, HvrStatus.RENDER_FAILED + said);
        }
    }

    /** Whether the session was shown an error since its last swap; forgets it. */
    boolean clearError(LiveSession session) {
        return sessionsWithError.remove(session.id());
    }

    /**
     * The {@code hvr-applied} frame for a new version of {@code view}; {@code phases}: the save's so far (see
     * {@link SaveTimeline}); {@code dropped}: fields not carried.
     */
    HvrApplied applied(String view, int version, Path file, String bsn, SaveTimeline timeline,
            Map<String, Long> phases, List<String> dropped) {
        return new HvrApplied(view, version, file == null ? null : file.toString(), timeline.sinceSaved(), bsn,
                phases, dropped);
    }

    /** Whether one of the session's views (its page's or a child's) is of {@code bundles}. */
    static boolean showsViewOf(LiveSession session, Set<Bundle> bundles) {
        for (ViewSlot slot : session.slots()) {
            Bundle b = FrameworkUtil.getBundle(slot.view().getClass());
            if (b != null && bundles.contains(b)) {
                return true;
            }
        }
        return false;
    }
}
