package dev.relive.testviews;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;

/** A child view with its own count; not routed. */
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class ChildCounter extends LiveView {

    private int count;

    @Override
    public String template() {
        return "<span class=\"child-count\">{{ count }}</span><button rl-click=\"bump\">+</button>";
    }

    @EventHandler
    public void bump() {
        count++;
    }
}
