package dev.relive.examples.chart;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;
import dev.relive.api.ViewSession;

/**
 * A line chart drawn in the browser by the client hook {@code LineChart} ({@code static/chart/line-chart.js}). The
 * view samples a value every second and pushes it to the hook; the rest of the page (counters, title, pause) is
 * rendered by the server and patched around the chart, whose element is the client's ({@code rl-ignore}). When the
 * hook mounts or reconnects it asks for the recent points with the event {@code chartReady}.
 */
@LiveViewRoute("/chart")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class ChartView extends LiveView {

    /** One sample: its number and its value. */
    public record Point(long n, int value) {
    }

    /** The points the hook gets when it (re)connects. */
    public record Series(List<Point> points) {
    }

    static final int KEPT = 60;

    private ViewSession session;
    private List<Point> recent = new ArrayList<>();
    private long samples;
    private int last;
    private boolean paused;
    private String title = "Requests per second";
    private String error = "";
    /** State of a small deterministic generator, so that runs look alike. */
    private long seed = 7;

    @Override
    public void mount(Map<String, String> params, ViewSession session) {
        this.session = session;
    }

    @Override
    public Duration tickInterval() {
        return Duration.ofSeconds(1);
    }

    @Override
    public void tick() {
        if (paused) {
            return;
        }
        seed = (seed * 1_103_515_245L + 12_345L) & 0x7fff_ffffL;
        last = Math.max(0, Math.min(100, last + (int) (seed % 21) - 10 + (last < 20 ? 6 : 0)));
        Point point = new Point(++samples, last);
        List<Point> next = new ArrayList<>(recent.subList(Math.max(0, recent.size() - KEPT + 1), recent.size()));
        next.add(point);
        recent = next;
        session.pushEvent("chart:point", point);
    }

    @EventHandler
    public void chartReady() {
        session.pushEvent("chart:series", new Series(List.copyOf(recent)));
    }

    @EventHandler
    public void togglePause() {
        paused = !paused;
    }

    /** A blank title is refused, and the browser's focus goes back to the field. */
    @EventHandler
    public void rename(String title) {
        if (title.isBlank()) {
            error = "A chart needs a title";
            session.focus("#title");
            return;
        }
        this.title = title.strip();
        error = "";
    }
}
