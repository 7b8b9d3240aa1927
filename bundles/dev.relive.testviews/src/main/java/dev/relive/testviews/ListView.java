package dev.relive.testviews;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;
import dev.relive.api.ViewSession;

/** A keyed table of {@code rows} rows (default 1,000) that can be reversed or have one row changed. */
@LiveViewRoute("/test/list")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class ListView extends LiveView {

    public record Row(int id, String label) {
    }

    private List<Row> rows = new ArrayList<>();

    @Override
    public void mount(Map<String, String> params, ViewSession session) {
        int n = Integer.parseInt(params.getOrDefault("rows", "1000"));
        for (int i = 0; i < n; i++) {
            rows.add(new Row(i, "row " + i));
        }
    }

    @Override
    public String template() {
        return "<table><tbody>{% for r in rows %}<tr rl-key=\"{{ r.id }}\"><td>{{ r.id }}</td><td>{{ r.label }}</td>"
                + "</tr>{% endfor %}</tbody></table>";
    }

    @EventHandler
    public void reverse() {
        Collections.reverse(rows);
    }

    @EventHandler
    public void rename(int index, String label) {
        Row r = rows.get(index);
        rows.set(index, new Row(r.id(), label));
    }
}
