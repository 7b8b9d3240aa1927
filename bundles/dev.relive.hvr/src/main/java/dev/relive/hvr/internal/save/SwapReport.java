package dev.relive.hvr.internal.save;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.relive.hvr.internal.HvrStatus;
import dev.relive.runtime.spi.LiveSession;
import dev.relive.runtime.spi.ReloadReason;
import dev.relive.runtime.spi.SwapOutcome;

/**
 * What a swap's outcomes mean for the log, {@code hvr:status} and the browsers, one outcome at a time as sessions
 * are swapped (from several threads at once): each session swapped shows a view in its {@code hvr-applied} (the
 * first of its views whose class changed, or any view after an error overlay; none when no view of it changed). Each
 * view class that changed gets one new version, however many sessions show it; each view of a session that reloads
 * instead records the reason: the view the reason is about records it as is, the others that they reloaded with
 * their page, and why. Once every session is done, the fields whose values were not carried are logged in one
 * line per view and recorded with its version.
 */
final class SwapReport {

    private static final Logger LOG = LoggerFactory.getLogger("dev.relive.hvr");
    static final ReloadReason HVR_DISABLED = ReloadReason.of(ReloadReason.Code.HVR_DISABLED);

    private final Set<String> changedClasses;
    private final BrowserNotices notices;
    private final HvrStatus status;
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> droppedByView = new ConcurrentHashMap<>();
    private final AtomicInteger shown = new AtomicInteger();
    private final String applied;

    SwapReport(Set<String> changedClasses, BrowserNotices notices, HvrStatus status) {
        this(changedClasses, notices, status, "swapped");
    }

    /** @param applied what {@code hvr:status} records for a view shown with new code ({@code swapped}) */
    SwapReport(Set<String> changedClasses, BrowserNotices notices, HvrStatus status, String applied) {
        this.changedClasses = changedClasses;
        this.notices = notices;
        this.status = status;
        this.applied = applied;
    }

    /**
     * Records one session's outcome; returns the view its {@code hvr-applied} names: the first of its views whose
     * class changed, else its page's view; {@code null} when it reloads.
     */
    String add(SwapOutcome outcome) {
        if (!outcome.swapped()) {
            if (!HVR_DISABLED.equals(outcome.failure())) {
                LOG.warn("HVR incompat: {} (session {}, {})", outcome.failure(), outcome.session().id(),
                        outcome.failedView());
                String failed = outcome.failedView();
                outcome.viewClasses().forEach(view -> status.outcome(view, view.equals(failed)
                        ? "reload: " + outcome.failure()
                        : "reload: with its page (" + failed + ": " + outcome.failure() + ")"));
            }
            return null;
        }
        outcome.droppedByView().forEach((view, fields) -> droppedByView
                .computeIfAbsent(view, v -> ConcurrentHashMap.newKeySet()).addAll(fields));
        return shown(outcome.session(), outcome.viewClasses());
    }

    /**
     * Records a session that runs the new code with its views' instances, {@code viewClasses} (its page's view
     * first); returns the view its {@code hvr-applied} names, as {@link #add} does.
     */
    String shown(LiveSession session, List<String> viewClasses) {
        shown.incrementAndGet();
        viewClasses.forEach(status::renderingAgain);
        boolean afterError = notices.clearError(session);
        String view = null;
        for (String candidate : viewClasses) {
            if (changedClasses.contains(candidate) || afterError) {
                versions.computeIfAbsent(candidate, v -> status.swapped(v, applied));
            }
            if (changedClasses.contains(candidate) && view == null) {
                view = candidate;
            }
        }
        if (view == null && afterError && !viewClasses.isEmpty()) {
            // the page showed a failure this build ends, and none of its classes changed: it is told all the same
            view = viewClasses.get(0);
        }
        if (view == null && !viewClasses.isEmpty()) {
            // no view class of its own changed, but it runs the bundle's new code (a helper class, a resource, the
            // layout its manifest names): it is told too, so that a page (or a test) waiting for the swap knows
            view = viewClasses.get(0);
            versions.computeIfAbsent(view, v -> status.swapped(v, applied + " (its bundle changed)"));
        }
        return view;
    }

    /**
     * The fields {@code outcome} did not carry, as the {@code hvr-applied} frame naming {@code view} lists them:
     * {@code view}'s by their names, another view's (a child's, or its parent's) after that view's simple class name
     * ({@code PersonRow#likes}).
     */
    static List<String> droppedAsSeenBy(SwapOutcome outcome, String view) {
        List<String> names = new ArrayList<>();
        outcome.droppedByView().forEach((owner, fields) -> fields.forEach(field -> names.add(owner.equals(view)
                ? field : owner.substring(owner.lastIndexOf('.') + 1) + "#" + field)));
        return names;
    }

    /** The new version of a view {@link #add} named. */
    int version(String view) {
        return versions.getOrDefault(view, 0);
    }

    /** Records each outcome of {@code outcomes}. */
    void addAll(List<SwapOutcome> outcomes) {
        outcomes.forEach(this::add);
    }

    /** Every session is done: logs and records the fields not carried; returns how many sessions were swapped. */
    int finish() {
        droppedByView.forEach((view, fields) -> {
            Set<String> sorted = new TreeSet<>(fields);
            LOG.info("HVR: {} swapped; values not carried: {}", view, sorted);
            if (versions.containsKey(view)) {
                status.outcome(view, "swapped; dropped " + sorted);
            }
        });
        return shown.get();
    }
}
