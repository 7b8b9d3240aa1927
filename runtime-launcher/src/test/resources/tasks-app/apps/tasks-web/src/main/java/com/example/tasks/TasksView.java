package com.example.tasks;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

import com.example.tasks.store.TaskStore;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;

/** The tasks of the store, a form to add one, and how many store changes this tab heard of. */
@LiveViewRoute("/todo")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class TasksView extends LiveView {

    @Reference
    private TaskStore store;
    private final Runnable listener = this::storeChanged;
    private volatile int changes;
    private String draft = "";
    private String error = "";

    @Activate
    void activate() {
        store.addListener(listener);
    }

    @Deactivate
    void deactivate() {
        store.removeListener(listener);
    }

    private void storeChanged() {
        changes += 1;
    }

    @EventHandler
    public void type(String value) {
        draft = value == null ? "" : value;
    }

    @EventHandler
    public void add(String title) {
        if (title == null || title.isBlank()) {
            error = "title is required";
            return;
        }
        error = "";
        draft = "";
        store.add(title.strip());
    }

    @EventHandler
    public void refresh() {
        // an event renders the page again: what the store and the listener changed shows
    }

    public String heading() {
        return "Tasks";
    }

    public List<String> tasks() {
        return store.tasks();
    }

    public int listeners() {
        return store.listenerCount();
    }

    public int calls() {
        return store.listenerCalls();
    }

    public int activation() {
        return store.activation();
    }

    public String errorText() {
        return error;
    }
}
