package dev.relive.examples.dashboard;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;

/**
 * A child view of the dashboard: response time samples with their count, average and maximum, and a bar chart of
 * the last ones. Its handlers run on this child, not on the page's view.
 */
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class StatsPanel extends LiveView {

    /** One bar of the chart. */
    public record Bar(int value, int percent) {
    }

    static final int BARS = 12;

    private List<Integer> samples = new ArrayList<>();
    private List<Bar> bars = List.of();
    private int count;
    private String average = "-";
    private int max;
    /** Next sample of a small deterministic generator, so that the numbers are the same on every run. */
    private long seed = 42;

    @EventHandler
    public void addSample() {
        seed = (seed * 1_103_515_245L + 12_345L) & 0x7fff_ffffL;
        List<Integer> next = new ArrayList<>(samples);
        next.add(40 + (int) (seed % 260));
        samples = next;
        summarize();
    }

    @EventHandler
    public void clear() {
        samples = new ArrayList<>();
        summarize();
    }

    private void summarize() {
        count = samples.size();
        max = samples.stream().mapToInt(Integer::intValue).max().orElse(0);
        average = count == 0 ? "-" : String.valueOf(Math.round(samples.stream().mapToInt(Integer::intValue)
                .average().orElse(0)));
        List<Integer> last = samples.subList(Math.max(0, count - BARS), count);
        List<Bar> b = new ArrayList<>();
        for (int v : last) {
            b.add(new Bar(v, max == 0 ? 0 : Math.max(4, v * 100 / max)));
        }
        bars = List.copyOf(b);
    }
}
