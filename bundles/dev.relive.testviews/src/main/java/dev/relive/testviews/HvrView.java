package dev.relive.testviews;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;
import dev.relive.api.ViewSession;
import dev.relive.testlib.Decorator;
import dev.relive.testlib.Listeners;

/** The view the Hot View Replacement tests edit. Its template is the file HvrView.peb. */
@LiveViewRoute("/test/hvr")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class HvrView extends BaseView {

    public enum Mood { CALM, HAPPY }

    public record Entry(String text, Mood mood) {
    }

    private int count;
    private Mood mood = Mood.CALM;
    private List<Entry> entries = new ArrayList<>();
    private String caption = "hello";

    @Reference
    private Listeners listeners;

    /** {@code ?pause=MS} keeps a browser's mount running that long: tests save while a session is mounting. */
    @Override
    public void mount(Map<String, String> params, ViewSession session) {
        String pause = params.get("pause");
        if (pause != null && session.isConnected()) {
            try {
                Thread.sleep(Math.min(5000, Long.parseLong(pause)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @EventHandler
    public void increment() {
        count += 1;
    }

    @EventHandler
    public void add(int amount) {
        count += amount;
    }

    @EventHandler
    public void note(String text) {
        entries.add(new Entry(text, mood));
        mood = Mood.HAPPY;
    }

    public String label() {
        return Labels.label(count);
    }

    public String decorated() {
        return Decorator.decorate(title());
    }

    public int listenerCount() {
        return listeners.count();
    }
}
