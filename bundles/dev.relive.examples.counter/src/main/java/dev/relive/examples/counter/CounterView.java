package dev.relive.examples.counter;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;
import dev.relive.api.PageMeta;

/** A count and a button; the note field is the browser's alone. */
@LiveViewRoute("/counter")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class CounterView extends LiveView {

    private int count;

    @EventHandler
    public void increment() {
        count += 1;
    }

    @EventHandler
    public void add(int amount) {
        count += amount;
    }

    @Override
    public PageMeta pageMeta() {
        return PageMeta.title("Counter: " + count);
    }
}
