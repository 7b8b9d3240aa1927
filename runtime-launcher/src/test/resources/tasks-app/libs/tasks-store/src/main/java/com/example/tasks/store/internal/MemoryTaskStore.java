package com.example.tasks.store.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Component;

import com.example.tasks.store.TaskStore;

/** The store as a delayed component: it lives while a view uses it, and its tasks with it. */
@Component(service = TaskStore.class)
public class MemoryTaskStore implements TaskStore {

    private static final AtomicInteger ACTIVATIONS = new AtomicInteger();

    private final int activation = ACTIVATIONS.incrementAndGet();
    private final List<String> tasks = new CopyOnWriteArrayList<>();
    private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();
    private final AtomicInteger listenerCalls = new AtomicInteger();

    @Override
    public void add(String title) {
        tasks.add(title);
        for (Runnable listener : listeners) {
            listenerCalls.incrementAndGet();
            listener.run();
        }
    }

    @Override
    public List<String> tasks() {
        return List.copyOf(tasks);
    }

    @Override
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    @Override
    public int listenerCount() {
        return listeners.size();
    }

    @Override
    public int listenerCalls() {
        return listenerCalls.get();
    }

    @Override
    public int activation() {
        return activation;
    }
}
