package dev.relive.runtime.internal.swap;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.api.LiveView;
import dev.relive.runtime.internal.state.Restoration;
import dev.relive.runtime.internal.state.StateRestorer;
import dev.relive.runtime.internal.state.StateSnapshot;
import dev.relive.runtime.spi.LiveSession;
import dev.relive.runtime.spi.ViewSlot;

/** One view instance's state and class, captured before its bundle is updated. */
final class SlotState {

    private final ViewSlot slot;
    private final String componentName;
    private final long oldServiceId;
    private final StateSnapshot snapshot;
    private final Class<?> viewClass;
    private final Set<String> injected;

    private SlotState(ViewSlot slot, StateSnapshot snapshot, Set<String> injected) {
        this.slot = slot;
        this.componentName = String.valueOf(slot.reference().getProperty("component.name"));
        this.oldServiceId = (Long) slot.reference().getProperty(Constants.SERVICE_ID);
        this.snapshot = snapshot;
        this.viewClass = slot.view().getClass();
        this.injected = injected;
    }

    /**
     * {@code mapper}, {@code injectedFields}, {@code shapes}: one each per swap, shared by its captures and restores.
     * The view class's shape is read now, while its bundle revision is still the current one.
     */
    static SlotState capture(ViewSlot slot, ObjectMapper mapper, InjectedFields injectedFields, ClassShapes shapes) {
        shapes.of(slot.view().getClass());
        Set<String> injected = injectedFields.of(slot.reference());
        return new SlotState(slot, StateSnapshot.capture(slot.view(), mapper, injected), injected);
    }

    String className() {
        return slot.className();
    }

    /**
     * A new instance of the view's new class, with the state carried over, or the reason it cannot be; the names of
     * the old fields whose values were not carried.
     */
    record Prepared(ViewSlot slot, LiveView view, ServiceReference<LiveView> reference, String failure,
            List<String> dropped) {
        void install(LiveSession session) {
            session.replace(slot, view, reference);
        }

        void discard(LiveSession session) {
            if (view != null) {
                session.discard(view, reference);
            }
        }
    }

    /** Empty when the view's service did not come back (the class is gone). */
    Optional<Prepared> prepare(LiveSession session, ReplacementServices services, ClassShapes shapes,
            ObjectMapper mapper, InjectedFields injectedFields) {
        ServiceReference<LiveView> ref = services.of(componentName, oldServiceId);
        if (ref == null) {
            return Optional.empty();
        }
        LiveView view = session.create(ref);
        Optional<String> incompatible = shapes.incompatibility(viewClass, view.getClass());
        if (incompatible.isPresent()) {
            return Optional.of(new Prepared(slot, view, ref, incompatible.get(), List.of()));
        }
        Set<String> skipped = new HashSet<>(injected);
        skipped.addAll(injectedFields.of(ref));
        Restoration restored = StateRestorer.restore(snapshot, view, mapper, skipped);
        return Optional.of(new Prepared(slot, view, ref, restored.failure().orElse(null), restored.dropped()));
    }
}
