package dev.relive.runtime.internal.swap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.runtime.spi.LiveSession;
import dev.relive.runtime.spi.ReloadReason;
import dev.relive.runtime.spi.SwapOutcome;

/**
 * Puts new instances carrying the captured state into one held session's slots, all or nothing: a parent and its
 * child views are swapped together, or the session is sent a reload with the first failure.
 */
final class SessionRestore {

    /** How long a view's new service may take to come back after the update. */
    private static final long SERVICE_WAIT_MS = 3000;

    private final ReplacementServices services;
    private final InjectedFields injectedFields;
    private final ClassShapes shapes;

    /** One per swap: {@code injectedFields} and {@code shapes} are those its captures used. */
    SessionRestore(BundleContext context, InjectedFields injectedFields, ClassShapes shapes) {
        this.services = new ReplacementServices(context, SERVICE_WAIT_MS);
        this.injectedFields = injectedFields;
        this.shapes = shapes;
    }

    SwapOutcome restore(CapturedSession captured, Set<String> classesAfter, ObjectMapper mapper) {
        LiveSession session = captured.session();
        List<SlotState.Prepared> prepared = new ArrayList<>();
        Map<String, List<String>> droppedByView = new LinkedHashMap<>();
        ReloadReason failure = null;
        String failedView = null;
        for (SlotState state : captured.views()) {
            Optional<SlotState.Prepared> p = classesAfter.contains(state.className())
                    ? state.prepare(session, services, shapes, mapper, injectedFields) : Optional.empty();
            if (p.isEmpty() || p.get().failure() != null) {
                failure = p.isEmpty() ? ReloadReason.of(ReloadReason.Code.CLASS_REMOVED)
                        : ReloadReason.parse(p.get().failure());
                failedView = state.className();
                p.ifPresent(x -> x.discard(session));
                break;
            }
            prepared.add(p.get());
            droppedByView.computeIfAbsent(state.className(), v -> new ArrayList<>()).addAll(p.get().dropped());
        }
        if (failure != null) {
            prepared.forEach(x -> x.discard(session));
            session.reload(failure, failedView);
            return new SwapOutcome(session, captured.viewClasses(), failure, failedView);
        }
        prepared.forEach(p -> p.install(session));
        return new SwapOutcome(session, captured.viewClasses(), droppedByView);
    }
}
