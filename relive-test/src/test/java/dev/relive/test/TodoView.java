package dev.relive.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.PageMeta;
import dev.relive.api.ViewSession;

/** A view for the light mode's tests; its template is the file TodoView.peb. */
public class TodoView extends LiveView {

    public record Item(String text, boolean done) {
    }

    private final List<Item> items = new ArrayList<>();
    private String filter = "all";
    private int ticks;

    @Override
    public void mount(Map<String, String> params, ViewSession session) {
        items.add(new Item(params.getOrDefault("first", "milk"), false));
    }

    @EventHandler
    public void add(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("empty");
        }
        items.add(new Item(text, false));
    }

    @EventHandler
    public void toggle(int index) {
        Item item = items.get(index);
        items.set(index, new Item(item.text(), !item.done()));
    }

    @EventHandler
    public void show(String value) {
        filter = value;
    }

    @EventHandler
    public void open(ViewSession session) {
        session.navigate("/todo/" + items.size());
    }

    @Override
    public Duration tickInterval() {
        return Duration.ofSeconds(1);
    }

    @Override
    public void tick() {
        ticks++;
    }

    @Override
    public PageMeta pageMeta() {
        return PageMeta.title(items.size() + " to do");
    }
}
