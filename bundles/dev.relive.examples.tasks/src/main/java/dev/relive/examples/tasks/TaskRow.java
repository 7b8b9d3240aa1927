package dev.relive.examples.tasks;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.User;
import dev.relive.api.ViewSession;

/**
 * One row of the task list, a component: its parent passes the task ({@code {"task": t}}), and it tells the parent
 * when it deleted its task.
 */
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class TaskRow extends LiveView {

    /** What the row sends its parent after deleting its task. */
    public static final String DELETED = "deleted";

    @Reference
    private TaskStore store;
    private ViewSession session;
    /** The signed-in user's id: a row changes its owner's tasks only. */
    private String owner = "";
    private Task task;

    @Override
    public void mount(Map<String, String> params, ViewSession session) {
        this.session = session;
        owner = session.user().map(User::id).orElse("");
    }

    @Override
    public void update(Map<String, Object> props) {
        task = (Task) props.get("task");
    }

    /** The text of the row's link. */
    public String label() {
        return task.title();
    }

    @EventHandler
    public void toggle() {
        store.toggle(owner, task.id());
    }

    @EventHandler
    public void delete() {
        store.delete(owner, task.id());
        session.sendToParent(DELETED);
    }
}
