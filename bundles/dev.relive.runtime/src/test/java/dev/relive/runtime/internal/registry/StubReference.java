package dev.relive.runtime.internal.registry;

import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;

import dev.relive.api.LiveView;

/** A view's service reference built by hand: a component name and properties, no bundle. */
public final class StubReference implements ServiceReference<LiveView> {

    private final Hashtable<String, Object> properties = new Hashtable<>();

    public StubReference(String componentName) {
        properties.put("component.name", componentName);
    }

    public StubReference with(String key, Object value) {
        properties.put(key, value);
        return this;
    }

    /** A view type at {@code route} whose every instance is {@code instance}. */
    public static ViewType typeOf(LiveView instance, String route) {
        StubReference reference = new StubReference(instance.getClass().getName());
        return new ViewType(reference, new ServiceObjects<>() {
            @Override
            public LiveView getService() {
                return instance;
            }

            @Override
            public void ungetService(LiveView service) {
            }

            @Override
            public ServiceReference<LiveView> getServiceReference() {
                return reference;
            }
        }, route, instance.getClass().getName());
    }

    @Override
    public Object getProperty(String key) {
        return properties.get(key);
    }

    @Override
    public String[] getPropertyKeys() {
        return properties.keySet().toArray(String[]::new);
    }

    @Override
    public Bundle getBundle() {
        return null;
    }

    @Override
    public Bundle[] getUsingBundles() {
        return new Bundle[0];
    }

    @Override
    public boolean isAssignableTo(Bundle bundle, String className) {
        return true;
    }

    @Override
    public int compareTo(Object reference) {
        return 0;
    }

    @Override
    public Dictionary<String, Object> getProperties() {
        return new Hashtable<>(properties);
    }

    @Override
    public <A> A adapt(Class<A> type) {
        return null;
    }
}
