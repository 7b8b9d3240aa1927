package dev.relive.examples.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The tasks, in memory, shared by every tab: thread-safe, and every change is told to the listeners (on the thread
 * that made it), so that each tab's view re-renders.
 */
@Component(service = TaskStore.class)
public class TaskStore {

    private final Map<Long, Task> tasks = new TreeMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long lastId;

    @Activate
    public TaskStore() {
        add("Write the release notes");
        add("Review the pull request");
        add("Water the plants");
    }

    public void listen(Runnable listener) {
        listeners.add(listener);
    }

    public void unlisten(Runnable listener) {
        listeners.remove(listener);
    }

    /** Every task, oldest first. */
    public synchronized List<Task> all() {
        return new ArrayList<>(tasks.values());
    }

    public synchronized Optional<Task> find(long id) {
        return Optional.ofNullable(tasks.get(id));
    }

    public long openCount() {
        return all().stream().filter(t -> !t.done()).count();
    }

    public Task add(String title) {
        Task task;
        synchronized (this) {
            task = new Task(++lastId, title, false);
            tasks.put(task.id(), task);
        }
        changed();
        return task;
    }

    public void toggle(long id) {
        update(id, t -> new Task(t.id(), t.title(), !t.done()));
    }

    public void rename(long id, String title) {
        update(id, t -> new Task(t.id(), title, t.done()));
    }

    public void delete(long id) {
        boolean removed;
        synchronized (this) {
            removed = tasks.remove(id) != null;
        }
        if (removed) {
            changed();
        }
    }

    private void update(long id, java.util.function.UnaryOperator<Task> change) {
        boolean updated;
        synchronized (this) {
            updated = tasks.computeIfPresent(id, (k, t) -> change.apply(t)) != null;
        }
        if (updated) {
            changed();
        }
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
