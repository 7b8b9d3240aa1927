package dev.relive.runtime.internal.swap;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.api.LiveView;
import dev.relive.runtime.internal.state.StateMapper;
import dev.relive.runtime.spi.HvrApplied;
import dev.relive.runtime.spi.HvrError;
import dev.relive.runtime.spi.LiveSession;
import dev.relive.runtime.spi.ReloadReason;
import dev.relive.runtime.spi.SwapOutcome;
import dev.relive.runtime.spi.ViewSlot;

/** A session's views are swapped all or nothing: a parent and its child together, or a reload. */
class SessionRestoreTest {

    public static class ParentView extends LiveView {
        int count;
    }

    public static class ChildView extends LiveView {
        String text = "";
    }

    /** Components without field references. */
    static final InjectedFields NO_INJECTION = new InjectedFields(null) {
        @Override
        Set<String> of(ServiceReference<?> ref) {
            return Set.of();
        }
    };

    private final ObjectMapper mapper = StateMapper.create();
    private final ClassShapes shapes = new ClassShapes();
    private final RecordingSession session = new RecordingSession();

    @Test
    void everyViewOfTheSessionGetsANewInstanceCarryingItsState() {
        CapturedSession captured = captured(parent(4), child("typed"));

        SwapOutcome outcome = new SessionRestore(newServices(), NO_INJECTION, shapes).restore(captured,
                Set.of(ParentView.class.getName(), ChildView.class.getName()), mapper);

        assertThat(outcome.swapped()).isTrue();
        assertThat(outcome.viewClasses()).containsExactly(ParentView.class.getName(), ChildView.class.getName());
        assertThat(session.calls).containsExactly("create", "create", "replace", "replace");
        assertThat(((ParentView) session.installed.get(0)).count).isEqualTo(4);
        assertThat(((ChildView) session.installed.get(1)).text).isEqualTo("typed");
    }

    @Test
    void aChildWhoseClassIsGoneReloadsTheSessionAndNothingIsReplaced() {
        CapturedSession captured = captured(parent(4), child("typed"));

        SwapOutcome outcome = new SessionRestore(newServices(), NO_INJECTION, shapes).restore(captured,
                Set.of(ParentView.class.getName()), mapper);

        assertThat(outcome.failure()).hasToString("class_removed");
        assertThat(session.calls).containsExactly("create", "discard", "reload class_removed");
        assertThat(session.installed).isEmpty();
    }

    private CapturedSession captured(ViewSlot... slots) {
        List<SlotState> states = new ArrayList<>();
        for (ViewSlot slot : slots) {
            states.add(SlotState.capture(slot, mapper, NO_INJECTION, shapes));
        }
        return new CapturedSession(session, states);
    }

    private static ViewSlot parent(int count) {
        ParentView view = new ParentView();
        view.count = count;
        return new ViewSlot(null, view, reference(ParentView.class, 1));
    }

    private static ViewSlot child(String text) {
        ChildView view = new ChildView();
        view.text = text;
        return new ViewSlot("c1", view, reference(ChildView.class, 2));
    }

    /** A view service's reference: its component is named after the class. */
    @SuppressWarnings("unchecked")
    private static ServiceReference<LiveView> reference(Class<?> viewClass, long serviceId) {
        Map<String, Object> properties = Map.of("component.name", viewClass.getName(), Constants.SERVICE_ID,
                serviceId, "class", viewClass);
        return (ServiceReference<LiveView>) Proxy.newProxyInstance(SessionRestoreTest.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A framework where each view's component has come back as a new service (id + 100). */
    private static BundleContext newServices() {
        return (BundleContext) Proxy.newProxyInstance(SessionRestoreTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getServiceReferences")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    String filter = (String) args[1];
                    Class<?> type = filter.contains(ParentView.class.getName()) ? ParentView.class : ChildView.class;
                    return List.of(reference(type, type == ParentView.class ? 101 : 102));
                });
    }

    /** Records what the swap asks of the session; {@code create} makes an instance of the service's class. */
    private static final class RecordingSession implements LiveSession {
        final List<String> calls = new ArrayList<>();
        final List<LiveView> installed = new ArrayList<>();

        @Override
        public String id() {
            return "s1";
        }

        @Override
        public boolean renders(String bundleSymbolicName, String path) {
            return false;
        }

        @Override
        public List<ViewSlot> slots() {
            return List.of();
        }

        @Override
        public void hold() {
            calls.add("hold");
        }

        @Override
        public void release() {
            calls.add("release");
        }

        @Override
        public LiveView create(ServiceReference<LiveView> reference) {
            calls.add("create");
            try {
                return (LiveView) ((Class<?>) reference.getProperty("class")).getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void discard(LiveView instance, ServiceReference<LiveView> reference) {
            calls.add("discard");
        }

        @Override
        public void replace(ViewSlot slot, LiveView instance, ServiceReference<LiveView> reference) {
            calls.add("replace");
            installed.add(instance);
        }

        @Override
        public void rerender(HvrApplied applied) {
            calls.add("rerender");
        }

        @Override
        public void showError(HvrError error) {
            calls.add("showError");
        }

        @Override
        public void reload(ReloadReason reason) {
            calls.add("reload " + reason);
        }
    }
}
