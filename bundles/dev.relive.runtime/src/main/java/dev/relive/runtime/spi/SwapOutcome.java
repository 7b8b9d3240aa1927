package dev.relive.runtime.spi;

import java.util.List;

/**
 * What a swap did to one session.
 *
 * @param session the session
 * @param viewClasses the class names of its swapped views, root first
 * @param failure {@code null} when the views were swapped, else why the session reloads instead
 */
public record SwapOutcome(LiveSession session, List<String> viewClasses, ReloadReason failure) {

    public SwapOutcome {
        viewClasses = List.copyOf(viewClasses);
    }

    public boolean swapped() {
        return failure == null;
    }
}
