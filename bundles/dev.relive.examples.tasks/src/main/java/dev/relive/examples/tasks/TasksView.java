package dev.relive.examples.tasks;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.Bind;
import dev.relive.api.EventHandler;
import dev.relive.api.FormErrors;
import dev.relive.api.FormRules;
import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;
import dev.relive.api.PageMeta;
import dev.relive.api.QueryParam;
import dev.relive.api.RolesAllowed;
import dev.relive.api.User;
import dev.relive.api.ViewSession;

/**
 * The signed-in user's task list (other users' tasks are never shown): add, toggle, delete; the filter lives in
 * the URL ({@code /tasks?filter=open}) and changes without a remount, so a half-typed title survives it.
 */
@RolesAllowed("user")
@LiveViewRoute("/tasks")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class TasksView extends LiveView {

    @Reference
    private TaskStore store;
    private final Runnable listener = this::storeChanged;
    private ViewSession session;
    /** The signed-in user's id: the view shows and changes their tasks only. */
    private String owner = "";

    @QueryParam(ifAbsent = "all")
    private Filter filter;
    @Bind
    private String draft = "";
    private FormErrors errors = FormErrors.NONE;

    /** What the add form submits. */
    public record NewTask(String title) {
    }

    static final FormRules<NewTask> RULES = FormRules.<NewTask>create()
            .rule("title", t -> !t.title().isBlank(), "A task needs a title.")
            .rule("title", t -> t.title().strip().length() <= 80, "At most 80 characters.");

    @Activate
    void activate() {
        store.listen(listener);
    }

    @Deactivate
    void deactivate() {
        store.unlisten(listener);
    }

    @Override
    public void mount(Map<String, String> params, ViewSession session) {
        this.session = session;
        owner = session.user().map(User::id).orElse("");
    }

    private void storeChanged() {
        ViewSession s = session;
        if (s != null) {
            s.push(() -> { });
        }
    }

    @EventHandler
    public void add(String title) {
        NewTask task = new NewTask(title == null ? "" : title);
        draft = task.title();
        errors = RULES.validate(task);
        if (errors.isEmpty()) {
            draft = "";
            store.add(owner, task.title().strip());
        }
    }

    /** Checks one field of the add form as the user types. */
    @EventHandler
    public void validate(String field, String value) {
        errors = RULES.validateField(new NewTask(value == null ? "" : value), field, errors);
    }

    @Override
    public void onChildMessage(String childId, Object message) {
        if (TaskRow.DELETED.equals(message)) {
            session.flash("info", "Task deleted");
        }
    }

    public List<Task> tasks() {
        return store.all(owner).stream().filter(filter::shows).toList();
    }

    public long openCount() {
        return store.openCount(owner);
    }

    public List<Filter> filters() {
        return List.of(Filter.values());
    }

    @Override
    public PageMeta pageMeta() {
        return PageMeta.title("Tasks (" + store.openCount(owner) + " open)");
    }
}
