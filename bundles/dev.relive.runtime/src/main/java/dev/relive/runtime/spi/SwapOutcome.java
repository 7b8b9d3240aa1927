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
 * @param dropped the names of the old views' fields whose values the new instances did not get (removed, renamed
 *        without {@code @CarriedFrom}, bound to the old revision's classes, or not accepted by the new field);
 *        empty when the session reloads
 * @param failedView when the session reloads, the class of the view whose state the new code could not take (the
 *        failure is about it; the session's other views reload with it); {@code null} when it was swapped
 * @param droppedByView {@code dropped} by the class of the view whose field it is, in the order of
 *        {@code viewClasses}; when not given, all of {@code dropped} is the page's view's
 */
public record SwapOutcome(LiveSession session, List<String> viewClasses, ReloadReason failure, List<String> dropped,
        String failedView, Map<String, List<String>> droppedByView) {

    public SwapOutcome {
        viewClasses = List.copyOf(viewClasses);
        dropped = dropped == null ? List.of() : List.copyOf(dropped);
        Map<String, List<String>> byView = new LinkedHashMap<>();
        if (droppedByView != null) {
            droppedByView.forEach((view, names) -> {
                if (!names.isEmpty()) {
                    byView.put(view, List.copyOf(names));
                }
            });
        } else if (!dropped.isEmpty() && !viewClasses.isEmpty()) {
            byView.put(viewClasses.get(0), dropped);
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
        this(session, viewClasses, failure, List.of(), failedView, null);
    }

    /** A swap that dropped the fields {@code droppedByView} names, by view class. */
    public SwapOutcome(LiveSession session, List<String> viewClasses, Map<String, List<String>> droppedByView) {
        this(session, viewClasses, null, droppedByView.values().stream().flatMap(List::stream).distinct().toList(),
                null, droppedByView);
    }

    /** A swap that dropped {@code dropped}, all the page's view's, or a reload for a reason about that view. */
    public SwapOutcome(LiveSession session, List<String> viewClasses, ReloadReason failure, List<String> dropped) {
        this(session, viewClasses, failure, dropped, null, null);
    }

    /** An outcome with no field dropped, whose failure (if any) concerns the page's view. */
    public SwapOutcome(LiveSession session, List<String> viewClasses, ReloadReason failure) {
        this(session, viewClasses, failure, List.of());
    }

    public boolean swapped() {
        return failure == null;
    }
}
