package dev.relive.examples.widgets;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.ViewSession;

/**
 * A clock that ticks every second and a counter of its own. It has no route: other bundles' views embed it with
 * {@code {{ child("widget", "dev.relive.examples.widgets.ClockWidget", sticky=true) }}}, and being sticky it keeps
 * its state when a live navigation goes to another page that embeds it under the same id.
 */
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class ClockWidget extends LiveView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private String time = "";
    /** Seconds this widget has been live. */
    private long ticks;
    private int count;

    @Override
    public void mount(Map<String, String> params, ViewSession session) {
        time = LocalTime.now().format(TIME);
    }

    @Override
    public Duration tickInterval() {
        return Duration.ofSeconds(1);
    }

    @Override
    public void tick() {
        time = LocalTime.now().format(TIME);
        ticks++;
    }

    @EventHandler
    public void increment() {
        count++;
    }

    @EventHandler
    public void reset() {
        count = 0;
    }
}
