package dev.relive.testviews;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveStream;
import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;
import dev.relive.api.ViewSession;

/**
 * Twenty rows on a stream, each with an input, in a tab that can be hidden (its container leaves the page) and shown
 * again, inside a wrapper whose tag can change (the container, which has no id to be moved by, is re-created);
 * every change re-sends the rows.
 */
@LiveViewRoute("/test/stream-tabs")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class StreamTabsView extends LiveView {

    public record Row(int id, String label) {
    }

    private final LiveStream<Row> rows = LiveStream.create();
    private final List<Integer> order = new ArrayList<>();
    private boolean shown = true;
    private boolean section;
    private int renamed = -1;

    @Override
    public void mount(Map<String, String> params, ViewSession session) {
        for (int i = 1; i <= 20; i++) {
            order.add(i);
        }
        resend();
    }

    @Override
    public String template() {
        return "<p><button id=\"reverse\" rl-click=\"reverse\">Reverse</button>"
                + "<button id=\"toggle\" rl-click=\"toggle\">Toggle</button>"
                + "<button id=\"wrap\" rl-click=\"wrap\">Wrap</button>"
                + "<button id=\"rename\" rl-click=\"rename\">Rename</button></p>"
                + "{% if shown %}{% if section %}<section id=\"box\">{% else %}<div id=\"box\">{% endif %}"
                + "<ul class=\"rows\" rl-stream=\"rows\">{% for r in rows %}<li rl-key=\"{{ r.id }}\" id=\"row-{{ r.id }}\">"
                + "<span>{{ r.label }}</span><input id=\"in-{{ r.id }}\"></li>{% endfor %}</ul>"
                + "{% if section %}</section>{% else %}</div>{% endif %}{% else %}<p id=\"other\">Other tab</p>{% endif %}";
    }

    @EventHandler
    public void reverse() {
        Collections.reverse(order);
        resend();
    }

    /** Hides the rows' tab, or shows it again with every row. */
    @EventHandler
    public void toggle() {
        shown = !shown;
        if (shown) {
            resend();
        }
    }

    /** Changes the tag of the container's parent, so that the browser gets a new, empty container. */
    @EventHandler
    public void wrap() {
        section = !section;
        resend();
    }

    /** Changes the label of the first row in the current order; the others are re-sent unchanged. */
    @EventHandler
    public void rename() {
        renamed = order.get(0);
        resend();
    }

    private void resend() {
        rows.reset();
        for (int id : order) {
            rows.append(new Row(id, id == renamed ? "renamed " + id : "row " + id));
        }
    }
}
