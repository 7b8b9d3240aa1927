package dev.relive.runtime.internal.swap;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.api.LiveView;
import dev.relive.runtime.internal.state.ClassShape;
import dev.relive.runtime.internal.state.Compatibility;
import dev.relive.runtime.internal.state.Restoration;
import dev.relive.runtime.internal.state.StateRestorer;
import dev.relive.runtime.internal.state.StateSnapshot;
import dev.relive.runtime.spi.LiveSession;
import dev.relive.runtime.spi.ViewSlot;

/** One view instance's state and class shape, captured before its bundle is updated. */
final class SlotState {

    private final ViewSlot slot;
    private final String componentName;
    private final long oldServiceId;
    private final StateSnapshot snapshot;
    private final ClassShape shape;
    private final Set<String> injected;

    private SlotState(ViewSlot slot, StateSnapshot snapshot, ClassShape shape, Set<String> injected) {
        this.slot = slot;
        this.componentName = String.valueOf(slot.reference().getProperty("component.name"));
        this.oldServiceId = (Long) slot.reference().getProperty(Constants.SERVICE_ID);
        this.snapshot = snapshot;
        this.shape = shape;
        this.injected = injected;
    }

    /** {@code mapper}: one per swap, shared by its captures and restores (its caches die with the swap). */
    static SlotState capture(ViewSlot slot, ObjectMapper mapper, InjectedFields injectedFields) {
        Set<String> injected = injectedFields.of(slot.reference());
        return new SlotState(slot, StateSnapshot.capture(slot.view(), mapper, injected),
                ClassShape.of(slot.view().getClass()), injected);
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
    Optional<Prepared> prepare(LiveSession session, BundleContext context, long waitMs, ObjectMapper mapper,
            InjectedFields injectedFields) {
        ServiceReference<LiveView> ref = awaitNewService(context, waitMs);
        if (ref == null) {
            return Optional.empty();
        }
        LiveView view = session.create(ref);
        Optional<String> incompatible = Compatibility.check(shape, ClassShape.of(view.getClass()));
        if (incompatible.isPresent()) {
            return Optional.of(new Prepared(slot, view, ref, incompatible.get(), List.of()));
        }
        Set<String> skipped = new HashSet<>(injected);
        skipped.addAll(injectedFields.of(ref));
        Restoration restored = StateRestorer.restore(snapshot, view, mapper, skipped);
        return Optional.of(new Prepared(slot, view, ref, restored.failure().orElse(null), restored.dropped()));
    }

    private ServiceReference<LiveView> awaitNewService(BundleContext context, long waitMs) {
        long deadline = System.nanoTime() + waitMs * 1_000_000;
        String filter = "(component.name=" + componentName.replaceAll("([\\\\*()])", "\\\\$1") + ")";
        while (true) {
            try {
                Collection<ServiceReference<LiveView>> refs = context.getServiceReferences(LiveView.class, filter);
                for (ServiceReference<LiveView> ref : refs) {
                    if ((Long) ref.getProperty(Constants.SERVICE_ID) != oldServiceId) {
                        return ref;
                    }
                }
            } catch (InvalidSyntaxException e) {
                return null;
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }
}
