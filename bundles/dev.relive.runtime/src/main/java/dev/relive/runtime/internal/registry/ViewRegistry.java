package dev.relive.runtime.internal.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import dev.relive.api.LiveView;

/**
 * Every registered {@link LiveView} service, by route and by implementation class name. Views come and go
 * (bundles are installed, updated, uninstalled); listeners hear about each change.
 */
@Component(service = ViewRegistry.class)
public class ViewRegistry {

    private final BundleContext context;
    private final Map<ServiceReference<LiveView>, ViewType> types = new ConcurrentHashMap<>();
    private final List<ViewRegistryListener> listeners = new CopyOnWriteArrayList<>();

    @Activate
    public ViewRegistry(BundleContext context) {
        this.context = context;
    }

    @Reference(service = LiveView.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addView(ServiceReference<LiveView> ref) {
        ViewType type = ViewType.of(ref, context);
        types.put(ref, type);
        listeners.forEach(l -> l.viewAdded(type));
    }

    void removeView(ServiceReference<LiveView> ref) {
        ViewType type = types.remove(ref);
        if (type != null) {
            listeners.forEach(l -> l.viewRemoved(type));
        }
    }

    public void addListener(ViewRegistryListener listener) {
        listeners.add(listener);
    }

    /** Adds {@code listener} before the others: it hears of each change first. */
    public void addFirstListener(ViewRegistryListener listener) {
        listeners.add(0, listener);
    }

    public void removeListener(ViewRegistryListener listener) {
        listeners.remove(listener);
    }

    /** The view serving {@code path}; of several, the one with the highest service ranking. */
    public Optional<ViewType> byRoute(String path) {
        return types.values().stream()
                .filter(t -> path.equals(t.route()))
                .max(Comparator.comparing(ViewType::reference));
    }

    /** The view implemented by the class named {@code className}. */
    public Optional<ViewType> byClassName(String className) {
        return types.values().stream()
                .filter(t -> className.equals(t.className()))
                .max(Comparator.comparing(ViewType::reference));
    }

    /** All views, routed ones first, by route then class name. */
    public List<ViewType> all() {
        List<ViewType> list = new ArrayList<>(types.values());
        list.sort(Comparator.comparing((ViewType t) -> t.route() == null)
                .thenComparing(t -> t.route() == null ? "" : t.route())
                .thenComparing(ViewType::className));
        return list;
    }
}
