package dev.relive.runtime.internal.cluster;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.api.LiveView;
import dev.relive.api.ViewSession;
import dev.relive.runtime.internal.state.ClassShape;
import dev.relive.runtime.internal.state.Compatibility;
import dev.relive.runtime.internal.state.Restoration;
import dev.relive.runtime.internal.state.StateRestorer;
import dev.relive.runtime.internal.state.StateSnapshot;

/**
 * The views of a stored tab, given back to the new instances a resume makes in their places: instead of
 * {@code mount}, each instance gets its fields back (with the compatibility and restore rules of Hot View
 * Replacement: the same field names and types, {@code @CarriedFrom}, injected fields left alone, the
 * {@code ViewSession} given to the fields that held it) and is subscribed and tracked again as it was. Used on the
 * tab's executor during one resume.
 */
public final class StoredViews {

    /** A stored view could not be given back: the resume is abandoned and the page mounts afresh. */
    public static final class RefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }

    private final Map<String, ViewState> byPlace = new HashMap<>();
    private final ObjectMapper mapper;
    private final StateWriter writer;

    public StoredViews(TabState state, StateWriter writer) {
        state.views().forEach(v -> byPlace.put(Objects.requireNonNullElse(v.child(), ""), v));
        this.writer = writer;
        this.mapper = writer.mapper();
    }

    /**
     * Gives {@code view} (a new instance of the service {@code reference}, at the child {@code childId}, {@code null}
     * for the page's own view) its stored state; false when none is stored for that place and class (a child mounts
     * as usual). Throws {@link RefusedException} when the page's view has none, or when a state does not fit.
     */
    public boolean restore(String childId, LiveView view, ServiceReference<LiveView> reference, ViewSession session) {
        ViewState stored = byPlace.get(Objects.requireNonNullElse(childId, ""));
        Class<?> type = view.getClass();
        if (stored == null || !stored.viewClass().equals(type.getName())) {
            if (childId == null) {
                throw new RefusedException("the stored page shows another view");
            }
            return false;
        }
        Optional<String> incompatible = stored.shape() == null ? Optional.of("no class shape")
                : Compatibility.check(stored.shape(), ClassShape.of(type));
        if (incompatible.isPresent()) {
            throw new RefusedException(type.getName() + ": " + incompatible.get());
        }
        Set<String> injected = writer.injected(reference);
        Restoration restored = StateRestorer.restore(StateSnapshot.detached(type, stored.fields(), session), view,
                mapper, injected);
        if (restored.failure().isPresent()) {
            throw new RefusedException(type.getName() + ": " + restored.failure().get());
        }
        stored.subscribed().forEach(session::subscribe);
        stored.tracked().forEach(session::track);
        return true;
    }
}
