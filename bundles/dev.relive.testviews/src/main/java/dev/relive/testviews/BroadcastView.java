package dev.relive.testviews;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;
import dev.relive.api.Topics;
import dev.relive.api.ViewSession;

/**
 * Subscribes to the topic {@code broadcast:<topic>} (no presence) and shows how many messages came and the last one;
 * {@code publish(text)} publishes on it. For broadcast benchmarks: one publish, a patch to every subscriber.
 */
@LiveViewRoute("/test/broadcast")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class BroadcastView extends LiveView {

    @Reference
    private Topics topics;

    private String topic;
    private int received;
    private String last = "";

    @Override
    public void mount(Map<String, String> params, ViewSession session) {
        topic = "broadcast:" + params.getOrDefault("topic", "all");
        session.subscribe(topic);
    }

    @Override
    public String template() {
        return """
                <p id="received">{{ received }}</p>
                <p id="last">{{ last }}</p>
                """;
    }

    @Override
    public void message(String topic, Object message) {
        received++;
        last = String.valueOf(message);
    }

    @EventHandler
    public void publish(String text) {
        topics.publish(topic, text);
    }
}
