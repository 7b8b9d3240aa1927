package dev.relive.testviews;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;

/** A view whose handler blocks its worker: {@code nap} sleeps (at most 10 s), like a slow call to elsewhere. */
@LiveViewRoute("/test/slow")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class SlowView extends LiveView {

    private int naps;

    @Override
    public String template() {
        return "<p id=\"naps\">{{ naps }}</p>";
    }

    @EventHandler
    public void nap(int millis) throws InterruptedException {
        Thread.sleep(Math.min(10_000, millis));
        naps++;
    }
}
