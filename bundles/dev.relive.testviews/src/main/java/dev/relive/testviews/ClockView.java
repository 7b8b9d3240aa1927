package dev.relive.testviews;

import java.time.Duration;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;

/** Ticks every {@code interval} ms; the interval can be changed while it runs. */
@LiveViewRoute("/test/clock")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class ClockView extends LiveView {

    private int ticks;
    private long interval = 100;
    private boolean running = true;

    @Override
    public String template() {
        return "<p id=\"ticks\">{{ ticks }}</p>";
    }

    @Override
    public Duration tickInterval() {
        return running ? Duration.ofMillis(interval) : null;
    }

    @Override
    public void tick() {
        ticks++;
    }

    @EventHandler
    public void stop() {
        running = false;
    }
}
