package dev.relive.examples.tasks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;

/**
 * Each user's tasks, in memory, kept while the bundle runs (immediate, so they outlive the views showing them). A
 * user reaches only their own: every method takes the owner's user id, and a task of another owner is not found.
 * Thread-safe; every change is told to the listeners (on the thread that made it), so that each tab's view
 * re-renders.
 */
@Component(service = TaskStore.class, immediate = true)
public class TaskStore {

    private static final List<String> EXAMPLES = List.of("Write the release notes", "Review the pull request",
            "Water the plants");

    private final Map<String, Map<Long, Task>> byOwner = new HashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long lastId;

    public void listen(Runnable listener) {
        listeners.add(listener);
    }

    public void unlisten(Runnable listener) {
        listeners.remove(listener);
    }

    /** The tasks of {@code owner}, oldest first. */
    public synchronized List<Task> all(String owner) {
        return new ArrayList<>(tasksOf(owner).values());
    }

    public synchronized Optional<Task> find(String owner, long id) {
        return Optional.ofNullable(tasksOf(owner).get(id));
    }

    public long openCount(String owner) {
        return all(owner).stream().filter(t -> !t.done()).count();
    }

    public Task add(String owner, String title) {
        Task task;
        synchronized (this) {
            task = new Task(++lastId, title, false);
            tasksOf(owner).put(task.id(), task);
        }
        changed();
        return task;
    }

    public void toggle(String owner, long id) {
        update(owner, id, t -> new Task(t.id(), t.title(), !t.done()));
    }

    public void rename(String owner, long id, String title) {
        update(owner, id, t -> new Task(t.id(), title, t.done()));
    }

    public void delete(String owner, long id) {
        boolean removed;
        synchronized (this) {
            removed = tasksOf(owner).remove(id) != null;
        }
        if (removed) {
            changed();
        }
    }

    /** The tasks of {@code owner}; a user's first visit finds the three example tasks, their own copies. */
    private Map<Long, Task> tasksOf(String owner) {
        return byOwner.computeIfAbsent(owner, o -> {
            Map<Long, Task> first = new TreeMap<>();
            for (String title : EXAMPLES) {
                Task task = new Task(++lastId, title, false);
                first.put(task.id(), task);
            }
            return first;
        });
    }

    private void update(String owner, long id, java.util.function.UnaryOperator<Task> change) {
        boolean updated;
        synchronized (this) {
            updated = tasksOf(owner).computeIfPresent(id, (k, t) -> change.apply(t)) != null;
        }
        if (updated) {
            changed();
        }
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
