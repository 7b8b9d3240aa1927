package dev.relive.examples.tasks;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.Bind;
import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;
import dev.relive.api.NotFoundException;
import dev.relive.api.PageMeta;
import dev.relive.api.RolesAllowed;
import dev.relive.api.RouteParam;
import dev.relive.api.User;
import dev.relive.api.ViewSession;

/**
 * One of the signed-in user's tasks, at {@code /tasks/{id}}: its title can be edited; an id none of the user's tasks
 * has (another user's task included) gives the 404 page.
 */
@RolesAllowed("user")
@LiveViewRoute("/tasks/{id}")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class TaskView extends LiveView {

    @Reference
    private TaskStore store;

    @RouteParam
    private long id;
    private String owner = "";
    private Task task;
    @Bind
    private String title = "";
    private String error = "";

    @Override
    public void urlChanged(ViewSession session) {
        owner = session.user().map(User::id).orElse("");
        task = store.find(owner, id).orElseThrow(() -> new NotFoundException("no task " + id));
        title = task.title();
        error = "";
    }

    @EventHandler
    public void save(String title, ViewSession session) {
        if (title == null || title.isBlank()) {
            this.title = title == null ? "" : title;
            error = "A task needs a title.";
            return;
        }
        store.rename(owner, id, title.strip());
        session.flash("info", "Task saved");
        session.navigate("/tasks");
    }

    /** For the header of the layout. */
    public long openCount() {
        return store.openCount(owner);
    }

    @Override
    public PageMeta pageMeta() {
        return PageMeta.title(task == null ? "Task" : "Task: " + task.title());
    }
}
