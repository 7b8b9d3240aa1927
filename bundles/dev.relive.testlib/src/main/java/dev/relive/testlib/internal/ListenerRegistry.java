package dev.relive.testlib.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;

import dev.relive.testlib.Listeners;

/** The {@link Listeners} service. */
@Component(service = Listeners.class)
public class ListenerRegistry implements Listeners {

    private final Set<Object> listeners = ConcurrentHashMap.newKeySet();

    @Override
    public void add(Object listener) {
        listeners.add(listener);
    }

    @Override
    public void remove(Object listener) {
        listeners.remove(listener);
    }

    @Override
    public int count() {
        return listeners.size();
    }
}
