package dev.relive.testlib;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Component;

/**
 * An application's store as a new user writes it: a concrete class, a delayed component whose only users are views
 * ({@code TasksView}), with listeners the views add in activate and remove in deactivate. {@link #activation()}
 * tells whether the instance was replaced (its tasks lost).
 */
@Component(service = TaskStore.class)
public class TaskStore {

    private static final AtomicInteger ACTIVATIONS = new AtomicInteger();

    private final int activation = ACTIVATIONS.incrementAndGet();
    private final List<String> tasks = new CopyOnWriteArrayList<>();
    private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();

    public void add(String task) {
        tasks.add(task);
        listeners.forEach(Runnable::run);
    }

    public List<String> tasks() {
        return List.copyOf(tasks);
    }

    public void listen(Runnable listener) {
        listeners.add(listener);
    }

    public void unlisten(Runnable listener) {
        listeners.remove(listener);
    }

    public int listenerCount() {
        return listeners.size();
    }

    /** How many instances of the store were activated before this one, plus one. */
    public int activation() {
        return activation;
    }
}
