package dev.relive.testviews;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;
import dev.relive.api.PresenceDiff;
import dev.relive.api.ViewSession;

/** Subscribes to the topic {@code room:<name>} and tracks its tab there; shows messages and who joined or left. */
@LiveViewRoute("/test/room")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class RoomView extends LiveView {

    private final List<String> lines = new ArrayList<>();
    private final List<String> changes = new ArrayList<>();
    private String topic;

    @Override
    public void mount(Map<String, String> params, ViewSession session) {
        topic = "room:" + params.getOrDefault("room", "lobby");
        session.subscribe(topic);
        session.track(topic, Map.of("name", params.getOrDefault("user", "anonymous")));
    }

    @Override
    public String template() {
        return """
                <ul id="lines">{% for l in lines %}<li>{{ l }}</li>{% endfor %}</ul>
                <ul id="changes">{% for c in changes %}<li>{{ c }}</li>{% endfor %}</ul>
                """;
    }

    @Override
    public void message(String topic, Object message) {
        lines.add(String.valueOf(message));
    }

    @Override
    public void presenceChanged(String topic, PresenceDiff diff) {
        diff.joins().forEach(e -> changes.add("+" + e.meta().get("name")));
        diff.leaves().forEach(e -> changes.add("-" + e.meta().get("name")));
    }

    @EventHandler
    public void leave(ViewSession session) {
        session.unsubscribe(topic);
        session.untrack(topic);
    }
}
