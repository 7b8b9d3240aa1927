package dev.relive.hvr.internal.save;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.relive.hvr.internal.HvrStatus;
import dev.relive.runtime.spi.LiveSession;
import dev.relive.runtime.spi.ReloadReason;
import dev.relive.runtime.spi.SwapOutcome;

/**
 * What a swap's outcomes mean for the log, {@code hvr:status} and the browsers: each session swapped, with the view
 * its {@code hvr-applied} names (the first of its views whose class changed, or any view after an error overlay;
 * none when no view of it changed). Each view class that changed gets one new version, however many sessions show
 * it; each view of a session that reloads instead records the reason. The fields whose values were not carried are
 * logged in one line per view, recorded with its version and named in its sessions' {@code hvr-applied}.
 */
final class SwapReport {

    private static final Logger LOG = LoggerFactory.getLogger("dev.relive.hvr");
    static final ReloadReason HVR_DISABLED = ReloadReason.of(ReloadReason.Code.HVR_DISABLED);

    private final Map<LiveSession, String> shown = new LinkedHashMap<>();
    private final Map<LiveSession, List<String>> dropped = new LinkedHashMap<>();

    private SwapReport() {
    }

    static SwapReport of(List<SwapOutcome> outcomes, Set<String> changedClasses, BrowserNotices notices,
            HvrStatus status) {
        SwapReport report = new SwapReport();
        Set<String> swappedViews = new LinkedHashSet<>();
        Map<String, Set<String>> droppedByView = new LinkedHashMap<>();
        for (SwapOutcome outcome : outcomes) {
            if (outcome.swapped()) {
                report.shown.put(outcome.session(), shownView(outcome, changedClasses, notices, swappedViews));
                report.dropped.put(outcome.session(), outcome.dropped());
                if (!outcome.dropped().isEmpty()) {
                    droppedByView.computeIfAbsent(outcome.viewClasses().get(0), v -> new TreeSet<>())
                            .addAll(outcome.dropped());
                }
            } else if (!HVR_DISABLED.equals(outcome.failure())) {
                LOG.warn("HVR incompat: {} (session {}, {})", outcome.failure(), outcome.session().id(),
                        outcome.viewClasses().get(0));
                outcome.viewClasses().forEach(view -> status.outcome(view, "reload: " + outcome.failure()));
            }
        }
        droppedByView.forEach((view, fields) -> LOG.info("HVR: {} swapped; values not carried: {}", view, fields));
        swappedViews.forEach(view -> status.swapped(view, droppedByView.containsKey(view)
                ? "swapped; dropped " + droppedByView.get(view) : "swapped"));
        return report;
    }

    /** The fields a swapped session's new instances did not get, or an empty list. */
    List<String> dropped(LiveSession session) {
        return dropped.getOrDefault(session, List.of());
    }

    /** The swapped sessions, each with the view its {@code hvr-applied} names, or {@code null}. */
    Map<LiveSession, String> shown() {
        return shown;
    }

    private static String shownView(SwapOutcome outcome, Set<String> changedClasses, BrowserNotices notices,
            Set<String> swappedViews) {
        boolean afterError = notices.clearError(outcome.session());
        String shown = null;
        for (String view : outcome.viewClasses()) {
            if (changedClasses.contains(view) || afterError) {
                swappedViews.add(view);
                if (shown == null) {
                    shown = view;
                }
            }
        }
        return shown;
    }
}
