package dev.relive.runtime.internal.swap;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * Issue 12, item 3: a swap gets the shared services of other bundles that the swapped bundles use, so that
 * updating the views' bundle cannot release their last user, and ungets them when it ends.
 */
class Issue12HeldServicesTest {

    private final List<String> calls = new ArrayList<>();
    /** Singleton scope only, as for services that are not DS components. */
    private static final java.util.function.Predicate<ServiceReference<?>> SHARED =
            ref -> Constants.SCOPE_SINGLETON.equals(ref.getProperty(Constants.SERVICE_SCOPE));

    private final List<ServiceReference<?>> viewsUse = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Bundle storeBundle = bundle("store", List.of());
    private final Bundle viewsBundle = bundle("views", viewsUse);
    private final ServiceReference<?> store = reference("TaskStore", storeBundle, Constants.SCOPE_SINGLETON);
    private final ServiceReference<?> clock = reference("Clock", storeBundle, Constants.SCOPE_PROTOTYPE);
    private final ServiceReference<?> own = reference("OwnService", viewsBundle, Constants.SCOPE_SINGLETON);

    @Test
    void holdsTheSingletonServicesOfOtherBundlesUntilReleased() {
        viewsUse.addAll(List.of(store, clock, own));

        HeldServices held = HeldServices.hold(context(), Set.of(viewsBundle), SHARED);

        assertThat(held.references()).containsExactly(store);
        assertThat(calls).containsExactly("get TaskStore");
        held.release();
        assertThat(calls).containsExactly("get TaskStore", "unget TaskStore");
        assertThat(held.references()).isEmpty();
    }

    /**
     * A swap that ends in reloads: the browsers mount again after it, so the store stays held (the views' bundle
     * does not use it in between) until the views use it again for good, rather than being released with the swap
     * and deactivated before the new mounts.
     */
    @Test
    void afterAReloadTheStoreStaysHeldUntilTheViewsUseItAgainForGood() throws Exception {
        viewsUse.add(store);
        HeldServices held = HeldServices.hold(context(), Set.of(viewsBundle), SHARED);
        viewsUse.clear(); // the update released the old instances' uses; the pages have not mounted again
        assertThat(held.allUsedBy(Set.of(viewsBundle))).isFalse();

        ReloadHold.start(held, Set.of(viewsBundle), java.time.Duration.ofMinutes(5));
        Thread.sleep(3 * ReloadHold.CHECK_MILLIS * ReloadHold.SETTLED_CHECKS); // no page mounted meanwhile
        assertThat(held.references()).containsExactly(store);

        viewsUse.add(store); // a page mounted again: the new instance got the store
        awaitReleased(held);
        synchronized (calls) {
            assertThat(calls).containsExactly("get TaskStore", "unget TaskStore");
        }
    }

    @Test
    void theReloadHoldReleasesWhatIsNeverUsedAgainWhenItsGraceEnds() throws Exception {
        viewsUse.add(store);
        HeldServices held = HeldServices.hold(context(), Set.of(viewsBundle), SHARED);
        viewsUse.clear();

        ReloadHold.start(held, Set.of(viewsBundle), java.time.Duration.ofMillis(1));
        awaitReleased(held);
        synchronized (calls) {
            assertThat(calls).containsExactly("get TaskStore", "unget TaskStore");
        }
    }

    private static void awaitReleased(HeldServices held) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (!held.references().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(held.references()).isEmpty();
    }

    @Test
    void aBundleUsingNoServiceHoldsNothing() {
        HeldServices held = HeldServices.hold(context(), Set.of(viewsBundle), SHARED);

        held.release();
        assertThat(calls).isEmpty();
    }

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getService" -> {
                        synchronized (calls) {
                            calls.add("get " + args[0]);
                        }
                        yield new Object();
                    }
                    case "ungetService" -> {
                        synchronized (calls) {
                            calls.add("unget " + args[0]);
                        }
                        yield true;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A bundle using {@code inUse}; like a framework, it answers {@code null} when it uses no service. */
    private static Bundle bundle(String name, List<ServiceReference<?>> inUse) {
        return (Bundle) Proxy.newProxyInstance(Issue12HeldServicesTest.class.getClassLoader(),
                new Class<?>[] {Bundle.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getServicesInUse" -> inUse.isEmpty() ? null : inUse.toArray(ServiceReference<?>[]::new);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> name;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ServiceReference<?> reference(String name, Bundle owner, String scope) {
        Map<String, Object> properties = Map.of(Constants.SERVICE_SCOPE, scope);
        return (ServiceReference<?>) Proxy.newProxyInstance(Issue12HeldServicesTest.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> owner;
                    case "getProperty" -> properties.get((String) args[0]);
                    case "hashCode" -> name.hashCode();
                    case "equals" -> proxy == args[0];
                    case "toString" -> name;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
