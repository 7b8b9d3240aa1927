package dev.relive.runtime.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a swap did to one session.
 *
 * @param session the session
 * @param viewClasses the class names of its swapped views, root first
 * @param failure {@code null} when the views were swapped, else why the session reloads instead
 * @param failedView when the session reloads, the class of the view whose state the new code could not take (the
 *        failure is about it; the session's other views reload with it); {@code null} when it was swapped
 * @param droppedByView by the class of the view whose fields they are, in the order of {@code viewClasses}: the
 *        names of the old views' fields whose values the new instances did not get (removed, renamed without
 *        {@code @CarriedFrom}, bound to the old revision's classes, or not accepted by the new field); empty when
 *        the session reloads
 */
public record SwapOutcome(LiveSession session, List<String> viewClasses, ReloadReason failure, String failedView,
        Map<String, List<String>> droppedByView) {

    public SwapOutcome {
        viewClasses = List.copyOf(viewClasses);
        Map<String, List<String>> byView = new LinkedHashMap<>();
        if (droppedByView != null) {
            droppedByView.forEach((view, names) -> {
                if (!names.isEmpty()) {
                    byView.put(view, List.copyOf(names));
                }
            });
        }
        droppedByView = Collections.unmodifiableMap(byView);
        if (failure == null) {
            failedView = null;
        } else if (failedView == null && !viewClasses.isEmpty()) {
            failedView = viewClasses.get(0);
        }
    }

    /** A reload because of {@code failedView}'s state. */
    public SwapOutcome(LiveSession session, List<String> viewClasses, ReloadReason failure, String failedView) {
        this(session, viewClasses, failure, failedView, null);
    }

    /** A swap that dropped the fields {@code droppedByView} names, by view class. */
    public SwapOutcome(LiveSession session, List<String> viewClasses, Map<String, List<String>> droppedByView) {
        this(session, viewClasses, null, null, droppedByView);
    }

    /** A swap that dropped {@code dropped}, all the page's view's, or a reload for a reason about that view. */
    public SwapOutcome(LiveSession session, List<String> viewClasses, ReloadReason failure, List<String> dropped) {
        this(session, viewClasses, failure, null, dropped == null || dropped.isEmpty() || viewClasses.isEmpty()
                ? null : Map.of(viewClasses.get(0), dropped));
    }

    /** An outcome with no field dropped, whose failure (if any) concerns the page's view. */
    public SwapOutcome(LiveSession session, List<String> viewClasses, ReloadReason failure) {
        this(session, viewClasses, failure, List.of());
    }

    /** The fields of every view whose values the new instances did not get, each name once. */
    public List<String> dropped() {
        return droppedByView.values().stream().flatMap(List::stream).distinct().toList();
    }

    public boolean swapped() {
        return failure == null;
    }
}
