package dev.relive.runtime.internal.swap;

import java.util.List;

import dev.relive.runtime.spi.LiveSession;

/** A held session and the captured state of its views of the swapped bundles, root first. */
record CapturedSession(LiveSession session, List<SlotState> views) {

    List<String> viewClasses() {
        return views.stream().map(SlotState::className).toList();
    }
}
