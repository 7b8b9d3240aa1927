package ${package};

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;
import dev.relive.api.PageMeta;

/** A count and a button. Its template is CounterView.peb in src/main/resources, in the same package. */
@LiveViewRoute("/counter")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class CounterView extends LiveView {

    private int count;

    @EventHandler
    public void increment() {
        count += 1;
    }

    @Override
    public PageMeta pageMeta() {
        return PageMeta.title("Count: " + count);
    }
}
