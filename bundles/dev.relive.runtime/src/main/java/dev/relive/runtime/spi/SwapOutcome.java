package dev.relive.runtime.spi;

import java.util.List;

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
 */
public record SwapOutcome(LiveSession session, List<String> viewClasses, ReloadReason failure, List<String> dropped,
        String failedView) {

    public SwapOutcome {
        viewClasses = List.copyOf(viewClasses);
        dropped = dropped == null ? List.of() : List.copyOf(dropped);
        if (failure == null) {
            failedView = null;
        } else if (failedView == null && !viewClasses.isEmpty()) {
            failedView = viewClasses.get(0);
        }
    }

    /** A swap that dropped {@code dropped}, or a reload for a reason that concerns the page's view. */
    public SwapOutcome(LiveSession session, List<String> viewClasses, ReloadReason failure, List<String> dropped) {
        this(session, viewClasses, failure, dropped, null);
    }

    /** An outcome with no field dropped, whose failure (if any) concerns the page's view. */
    public SwapOutcome(LiveSession session, List<String> viewClasses, ReloadReason failure) {
        this(session, viewClasses, failure, List.of());
    }

    public boolean swapped() {
        return failure == null;
    }
}
