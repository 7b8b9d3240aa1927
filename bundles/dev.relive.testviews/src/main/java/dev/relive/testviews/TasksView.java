package dev.relive.testviews;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;
import dev.relive.testlib.TaskStore;

/**
 * A view of a store service in another bundle, written as a new user writes one: an injected concrete store, a
 * listener kept in a final field, added in activate and removed in deactivate.
 */
@LiveViewRoute("/test/tasks")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class TasksView extends LiveView {

    @Reference
    private TaskStore store;
    private final Runnable listener = this::storeChanged;
    private int changes;
    private String error = "";

    @Activate
    void activate() {
        store.listen(listener);
    }

    @Deactivate
    void deactivate() {
        store.unlisten(listener);
    }

    private void storeChanged() {
        changes += 1;
    }

    @EventHandler
    public void add(String title) {
        if (title.isBlank()) {
            error = "title is required";
            return;
        }
        error = "";
        store.add(title);
    }

    @Override
    public String template() {
        return "<p id=\"summary\">{{ view.summary }}</p><p id=\"error\">{{ view.errorText }}</p>";
    }

    public String summary() {
        return "tasks " + store.tasks() + " listeners " + store.listenerCount() + " store " + store.activation()
                + " changes " + changes;
    }

    public String errorText() {
        return error;
    }
}
