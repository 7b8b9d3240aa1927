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
import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;
import dev.relive.api.PageMeta;
import dev.relive.api.QueryParam;
import dev.relive.api.ViewSession;

/**
 * The task list: add, toggle, delete; the filter lives in the URL ({@code /tasks?filter=open}) and changes without
 * a remount, so a half-typed title survives it.
 */
@LiveViewRoute("/tasks")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class TasksView extends LiveView {

    @Reference
    private TaskStore store;
    private final Runnable listener = this::storeChanged;
    private ViewSession session;

    @QueryParam(ifAbsent = "all")
    private Filter filter;
    @Bind
    private String draft = "";
    private String error = "";

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
    }

    private void storeChanged() {
        ViewSession s = session;
        if (s != null) {
            s.push(() -> { });
        }
    }

    @EventHandler
    public void add(String title) {
        if (title == null || title.isBlank()) {
            draft = title == null ? "" : title;
            error = "A task needs a title.";
            return;
        }
        error = "";
        draft = "";
        store.add(title.strip());
    }

    @EventHandler
    public void toggle(long id) {
        store.toggle(id);
    }

    @EventHandler
    public void delete(long id) {
        store.delete(id);
    }

    public List<Task> tasks() {
        return store.all().stream().filter(filter::shows).toList();
    }

    public long openCount() {
        return store.openCount();
    }

    public List<Filter> filters() {
        return List.of(Filter.values());
    }

    @Override
    public PageMeta pageMeta() {
        return PageMeta.title("Tasks (" + store.openCount() + " open)");
    }
}
