package dev.relive.runtime.internal.swap;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.relive.runtime.spi.ReloadReason;
import dev.relive.runtime.spi.SwapOutcome;
import dev.relive.runtime.spi.ViewSwap;

/**
 * A {@link ViewSwap}: the held sessions, the services their views use (held until the new instances have them),
 * the state captured before the update, and how to restore it after.
 */
final class HeldSwap implements ViewSwap {

    /** Rounds of catching sessions that mounted an old revision while the previous round was being swapped. */
    private static final int ROUNDS = 3;

    private final HeldSessions held;
    private final HeldServices services;
    private final SessionRestore restore;
    private List<CapturedSession> captured;

    HeldSwap(HeldSessions held, HeldServices services, SessionRestore restore, List<CapturedSession> captured) {
        this.held = held;
        this.services = services;
        this.restore = restore;
        this.captured = captured;
    }

    @Override
    public List<SwapOutcome> restore(Set<String> classesAfter) {
        return settle(session -> restore.restore(session, classesAfter, held.mapper()));
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
        return settle(session -> {
            session.session().reload(reason);
            return new SwapOutcome(session.session(), session.viewClasses(), reason);
        });
    }

    @Override
    public void close() {
        held.releaseAll();
        services.release();
    }

    private List<SwapOutcome> settle(Function<CapturedSession, SwapOutcome> action) {
        List<SwapOutcome> outcomes = new ArrayList<>();
        List<CapturedSession> round = captured;
        captured = List.of();
        try {
            for (int i = 0; i < ROUNDS && !round.isEmpty(); i++) {
                outcomes.addAll(ParallelRestore.run(round, action));
                round = held.captureLate();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return outcomes;
    }
}
