package dev.relive.runtime.internal.swap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.osgi.framework.Bundle;

import dev.relive.runtime.spi.ReloadReason;
import dev.relive.runtime.spi.SwapOutcome;
import dev.relive.runtime.spi.ViewSwap;

/**
 * A {@link ViewSwap}: the held sessions, the services their views use (held until the new instances have them:
 * when sessions reload instead, until the views' bundles use them again, see {@link ReloadHold}), the state captured
 * before the update, and how to restore it after.
 */
final class HeldSwap implements ViewSwap {

    /** Rounds of catching sessions that mounted an old revision while the previous round was being swapped. */
    private static final int ROUNDS = 3;

    private final HeldSessions held;
    private final HeldServices services;
    private final Set<Bundle> bundles;
    private final Duration reloadHold;
    private final SessionRestore restore;
    private List<CapturedSession> captured;
    private boolean reloaded;

    HeldSwap(HeldSessions held, HeldServices services, Set<Bundle> bundles, Duration reloadHold,
            SessionRestore restore, List<CapturedSession> captured) {
        this.held = held;
        this.services = services;
        this.bundles = bundles;
        this.reloadHold = reloadHold;
        this.restore = restore;
        this.captured = captured;
    }

    @Override
    public List<SwapOutcome> restore(Set<String> classesAfter) {
        List<SwapOutcome> outcomes = settle(session -> restore.restore(session, classesAfter, held.mapper()));
        reloaded |= outcomes.stream().anyMatch(outcome -> !outcome.swapped());
        return outcomes;
    }

    @Override
    public List<SwapOutcome> restore(Set<String> classesAfter, Consumer<SwapOutcome> done) {
        return settle(session -> {
            try {
                SwapOutcome outcome = restore.restore(session, classesAfter, held.mapper());
                done.accept(outcome);
                return outcome;
            } finally {
                held.release(session.session());
            }
        });
    }

    @Override
    public List<SwapOutcome> reload(ReloadReason reason) {
        reloaded = true;
        return settle(session -> {
            session.session().reload(reason);
            return new SwapOutcome(session.session(), session.viewClasses(), reason);
        });
    }

    @Override
    public void close() {
        held.releaseAll();
        if (reloaded) {
            ReloadHold.start(services, bundles, reloadHold);
        } else {
            services.release();
        }
    }

    private List<SwapOutcome> settle(Function<CapturedSession, SwapOutcome> action) {
        List<SwapOutcome> outcomes = new ArrayList<>();
        List<CapturedSession> round = captured;
        captured = List.of();
        try {
            for (int i = 0; i < ROUNDS && !round.isEmpty(); i++) {
                RestoreQueue queue = new RestoreQueue(round);
                outcomes.addAll(ParallelRestore.drain(queue.size(), queue::next, action));
                round = held.captureLate();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return outcomes;
    }
}
