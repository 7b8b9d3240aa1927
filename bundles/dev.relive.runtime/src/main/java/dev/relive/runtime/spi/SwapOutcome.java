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
 */
public record SwapOutcome(LiveSession session, List<String> viewClasses, ReloadReason failure, List<String> dropped) {

    public SwapOutcome {
        viewClasses = List.copyOf(viewClasses);
        dropped = dropped == null ? List.of() : List.copyOf(dropped);
    }

    /** An outcome with no field dropped. */
    public SwapOutcome(LiveSession session, List<String> viewClasses, ReloadReason failure) {
        this(session, viewClasses, failure, List.of());
    }

    public boolean swapped() {
        return failure == null;
    }
}
