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

/**
 * A keyed table of {@code rows} rows (default 1,000), with a field in each row when {@code ?fields} is given, that
 * can be reversed or have one row renamed (by the buttons above it, whose new labels are as long as the ones they
 * replace in the E2E's rows, or by events with other arguments).
 */
@LiveViewRoute("/test/list")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class ListView extends LiveView {

    public record Row(int id, String label) {
    }

    private List<Row> rows = new ArrayList<>();
    /** Whether each row has a field ({@code ?fields}). */
    private boolean fields;

    @Override
    public void mount(Map<String, String> params, ViewSession session) {
        int n = Integer.parseInt(params.getOrDefault("rows", "1000"));
        fields = params.containsKey("fields");
        for (int i = 0; i < n; i++) {
            rows.add(new Row(i, "row " + i));
        }
    }

    @Override
    public String template() {
        return "<p><button id=\"reverse\" rl-click=\"reverse\">Reverse</button>"
                + " <button id=\"rename-5\" rl-click=\"rename\" rl-value-index=\"5\""
                + " rl-value-label=\"five!\">Rename 5</button>"
                + " <button id=\"rename-7\" rl-click=\"rename\" rl-value-index=\"7\""
                + " rl-value-label=\"seven!\">Rename 7</button></p>"
                + "<table><tbody>{% for r in rows %}<tr rl-key=\"{{ r.id }}\" id=\"row-{{ r.id }}\"><td>{{ r.id }}</td>"
                + "<td>{{ r.label }}</td>"
                + "{% if fields %}<td><input name=\"note-{{ r.id }}\" aria-label=\"Note\"></td>{% endif %}</tr>"
                + "{% endfor %}</tbody></table>";
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
