package dev.relive.testviews;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.Bind;
import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;
import dev.relive.api.PageMeta;
import dev.relive.api.ViewSession;

/** Exercises handlers: typed parameters, failures, two-way binding, page meta, server push, navigation. */
@LiveViewRoute("/test/echo")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class EchoView extends LiveView {

    public record Point(int x, int y) {
    }

    private int count;
    private String last = "";
    private List<String> tags = new ArrayList<>();
    private Point point = new Point(0, 0);
    @Bind
    private String name = "";
    private String greeting = "hello";
    private transient ViewSession session;

    @Override
    public void mount(Map<String, String> params, ViewSession session) {
        this.session = session;
        this.greeting = params.getOrDefault("greeting", "hello");
    }

    @Override
    public String template() {
        return """
                <h1 id="greeting">{{ greeting }}</h1>
                <p id="count">{{ count }}</p>
                <p id="last">{{ last }}</p>
                <p id="point">{{ point.x }},{{ point.y }}</p>
                <ul id="tags">{% for t in tags %}<li>{{ t }}</li>{% endfor %}</ul>
                <p id="name">{{ name }}</p>
                """;
    }

    @Override
    public PageMeta pageMeta() {
        return new PageMeta("Echo " + count, Map.of("description", "count " + count));
    }

    @EventHandler
    public void increment() {
        count++;
    }

    @EventHandler
    public void add(int amount) {
        count += amount;
    }

    @EventHandler
    public void say(String text) {
        last = text;
    }

    @EventHandler
    public void move(Point to) {
        point = to;
    }

    @EventHandler
    public void tag(List<String> values) {
        tags.addAll(values);
    }

    @EventHandler
    public void nothing() {
        // renders the same HTML: the answer is an ack
    }

    @EventHandler
    public void explode() {
        count = -1;
        throw new IllegalStateException("boom");
    }

    @EventHandler("later")
    public void pushLater(int amount) {
        ViewSession s = session;
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            s.push(() -> count += amount);
        });
        t.setDaemon(true);
        t.start();
    }

    @EventHandler
    public void go(String to, ViewSession session) {
        session.navigate(to);
    }

    @EventHandler
    public void leave(String to, ViewSession session) {
        session.redirect(to);
    }

    /** Public but not an @EventHandler: a client must not be able to call it. */
    public void reset() {
        count = 0;
    }
}
