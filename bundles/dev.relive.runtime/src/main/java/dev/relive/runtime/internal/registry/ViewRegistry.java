package dev.relive.runtime.internal.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.relive.api.LiveView;
import dev.relive.runtime.internal.route.RoutePattern;

/**
 * Every registered {@link LiveView} service, by route and by implementation class name. Views come and go
 * (bundles are installed, updated, uninstalled); listeners hear about each change. A route serves one view: a
 * view whose route matches the same paths as a registered one's is refused (and logged) until that one goes.
 */
@Component(service = ViewRegistry.class)
public class ViewRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ViewRegistry.class);

    private final BundleContext context;
    private final Map<ServiceReference<LiveView>, ViewType> types = new LinkedHashMap<>();
    private final Map<ServiceReference<LiveView>, ViewType> refused = new LinkedHashMap<>();
    private final List<ViewRegistryListener> listeners = new CopyOnWriteArrayList<>();
    /** {@code types}' values as of the last change, read without the lock by every page request and mount. */
    private volatile List<ViewType> views = List.of();

    @Activate
    public ViewRegistry(BundleContext context) {
        this.context = context;
    }

    @Reference(service = LiveView.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addView(ServiceReference<LiveView> ref) {
        add(ViewType.of(ref, context));
    }

    void removeView(ServiceReference<LiveView> ref) {
        ViewType removed;
        List<ViewType> promoted = new ArrayList<>();
        synchronized (types) {
            refused.remove(ref);
            removed = types.remove(ref);
            if (removed != null) {
                for (ViewType waiting : new ArrayList<>(refused.values())) {
                    if (claimant(waiting) == null) {
                        refused.remove(waiting.reference());
                        types.put(waiting.reference(), waiting);
                        promoted.add(waiting);
                    }
                }
            }
            views = List.copyOf(types.values());
        }
        if (removed != null) {
            listeners.forEach(l -> l.viewRemoved(removed));
        }
        for (ViewType type : promoted) {
            LOG.info("route {} is now served by {} (bundle {})", type.route(), type.className(), type.bundleName());
            listeners.forEach(l -> l.viewAdded(type));
        }
    }

    /** Registers {@code type} unless its route is malformed or taken. */
    void add(ViewType type) {
        synchronized (types) {
            if (type.route() != null && !acceptsRoute(type)) {
                refused.put(type.reference(), type);
                return;
            }
            types.put(type.reference(), type);
            views = List.copyOf(types.values());
        }
        listeners.forEach(l -> l.viewAdded(type));
    }

    private boolean acceptsRoute(ViewType type) {
        try {
            type.pattern();
        } catch (IllegalArgumentException e) {
            LOG.error("view {} (bundle {}) refused: {}", type.className(), type.bundleName(), e.getMessage());
            return false;
        }
        ViewType holder = claimant(type);
        if (holder != null) {
            LOG.error("view {} (bundle {}) refused: its route {} is already served by {} (bundle {})",
                    type.className(), type.bundleDescription(), type.route(), holder.className(),
                    holder.bundleDescription());
            return false;
        }
        return true;
    }

    /** The registered view whose route matches the same paths as {@code type}'s, or {@code null}. */
    private ViewType claimant(ViewType type) {
        String shape = type.pattern().shape();
        return types.values().stream()
                .filter(t -> t.route() != null && t.pattern().shape().equals(shape))
                .findFirst().orElse(null);
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

    /** The view serving {@code path} and its route's parameters; of several, the most specific route. */
    public Optional<RouteMatch> match(String path) {
        String[] segments = RoutePattern.segments(path);
        if (segments == null) {
            return Optional.empty();
        }
        RouteMatch best = null;
        RoutePattern bestPattern = null;
        for (ViewType type : views) {
            if (type.route() == null) {
                continue;
            }
            RoutePattern pattern = type.pattern();
            Optional<Map<String, String>> params = pattern.match(segments);
            if (params.isPresent() && (bestPattern == null || pattern.compareTo(bestPattern) < 0)) {
                best = new RouteMatch(type, params.get());
                bestPattern = pattern;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The application's page for HTTP {@code status} ({@code @ErrorPage}), if it has one. */
    public Optional<ViewType> errorPage(int status) {
        return snapshot().stream().filter(t -> t.errorStatus() == status)
                .max(Comparator.comparing(ViewType::reference));
    }

    /** The view implemented by the class named {@code className}. */
    public Optional<ViewType> byClassName(String className) {
        return snapshot().stream()
                .filter(t -> className.equals(t.className()))
                .max(Comparator.comparing(ViewType::reference));
    }

    /** All views, routed ones first, by route then class name. */
    public List<ViewType> all() {
        List<ViewType> list = snapshot();
        list.sort(Comparator.comparing((ViewType t) -> t.route() == null)
                .thenComparing(t -> t.route() == null ? "" : t.route())
                .thenComparing(ViewType::className));
        return list;
    }

    private List<ViewType> snapshot() {
        return new ArrayList<>(views);
    }
}
