package dev.relive.runtime.internal.swap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWiring;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.runtime.internal.state.StateMapper;
import dev.relive.runtime.spi.LiveSession;
import dev.relive.runtime.spi.LiveSessions;
import dev.relive.runtime.spi.ViewSlot;

/**
 * The sessions one swap holds: those showing a view of the swapped bundles, and those that have not mounted a view
 * yet (a mount in progress finishes first and is swapped with the others; one not started runs the new code once
 * released). Each session is held once; {@link #release} ends one hold as soon as that session is swapped,
 * {@link #releaseAll} ends every hold left. Holding and capturing start from the swap's thread and are spread over the
 * cores; releases run on any thread.
 */
final class HeldSessions {

    private final LiveSessions sessions;
    private final Set<Bundle> bundles;
    private final Set<LiveSession> seen = new HashSet<>();
    private final Set<LiveSession> held = new LinkedHashSet<>();
    /** One per swap, shared by its captures and restores: its caches die with the swap. */
    private final ObjectMapper mapper = StateMapper.create();

    private final InjectedFields injectedFields;
    private final ClassShapes shapes;

    HeldSessions(LiveSessions sessions, Set<Bundle> bundles, InjectedFields injectedFields, ClassShapes shapes) {
        this.sessions = sessions;
        this.bundles = bundles;
        this.injectedFields = injectedFields;
        this.shapes = shapes;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** Holds every session concerned not held yet and captures the state of its views of the swapped bundles. */
    List<CapturedSession> captureAll() throws InterruptedException {
        return holdAndCapture(session -> true);
    }

    /**
     * Holds the sessions concerned that connected since the last capture, and captures those that show an instance
     * of a class loader its bundle no longer uses (they mounted the old revision while the bundle was updated).
     */
    List<CapturedSession> captureLate() throws InterruptedException {
        return holdAndCapture(this::showsOldRevision);
    }

    /** Ends the hold of one session (if it is still held): its queued events run. */
    void release(LiveSession session) {
        boolean wasHeld;
        synchronized (held) {
            wasHeld = held.remove(session);
        }
        if (wasHeld) {
            session.release();
        }
    }

    void releaseAll() {
        List<LiveSession> left;
        synchronized (held) {
            left = new ArrayList<>(held);
            held.clear();
        }
        left.forEach(LiveSession::release);
    }

    /**
     * Holds each new session and captures it if {@code capture} says so, on as many threads as there are cores: each
     * session is held only for its own capture's length before the update, not for everyone's.
     */
    private List<CapturedSession> holdAndCapture(Predicate<LiveSession> capture) throws InterruptedException {
        List<CapturedSession> captured = new ArrayList<>();
        try {
            for (CapturedSession c : ParallelRestore.run(newSessions(), session -> {
                hold(session);
                return capture.test(session) ? capture(session) : null;
            })) {
                if (c != null) {
                    captured.add(c);
                }
            }
        } catch (HoldInterrupted e) {
            throw new InterruptedException("interrupted while holding the sessions");
        }
        return captured;
    }

    /** The sessions concerned that no capture of this swap has seen yet. */
    private List<LiveSession> newSessions() {
        List<LiveSession> added = new ArrayList<>();
        for (LiveSession session : sessions.sessions()) {
            if (seen.contains(session) || !session.slots().isEmpty() && slotsOf(session).isEmpty()) {
                continue;
            }
            seen.add(session);
            added.add(session);
        }
        return added;
    }

    private void hold(LiveSession session) {
        try {
            session.hold();
        } catch (InterruptedException e) {
            throw new HoldInterrupted();
        }
        synchronized (held) {
            held.add(session);
        }
    }

    /** The session's views of the swapped bundles, captured; {@code null} when it shows none. */
    private CapturedSession capture(LiveSession session) {
        List<SlotState> states = new ArrayList<>();
        for (ViewSlot slot : slotsOf(session)) {
            states.add(SlotState.capture(slot, mapper, injectedFields, shapes));
        }
        return states.isEmpty() ? null : new CapturedSession(session, states);
    }

    /** A hold waiting for a session's event in progress was interrupted. */
    private static final class HoldInterrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HoldInterrupted() {
            super(null, null, false, false);
        }
    }

    private boolean showsOldRevision(LiveSession session) {
        for (ViewSlot slot : slotsOf(session)) {
            Class<?> type = slot.view().getClass();
            BundleWiring wiring = FrameworkUtil.getBundle(type).adapt(BundleWiring.class);
            if (wiring == null || wiring.getClassLoader() != type.getClassLoader()) {
                return true;
            }
        }
        return false;
    }

    private List<ViewSlot> slotsOf(LiveSession session) {
        List<ViewSlot> slots = new ArrayList<>();
        for (ViewSlot slot : session.slots()) {
            Bundle bundle = FrameworkUtil.getBundle(slot.view().getClass());
            if (bundle != null && bundles.contains(bundle)) {
                slots.add(slot);
            }
        }
        return slots;
    }
}
