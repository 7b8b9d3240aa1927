package dev.relive.testlib.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.testlib.Decorator;

/** A child view from another bundle than its parent (HvrView): both must swap together. */
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class LibChildView extends LiveView {

    private int taps;

    @Override
    public String template() {
        return "<span id=\"lib\">{{ view.text }}</span>";
    }

    public String text() {
        return Decorator.decorate("taps " + taps);
    }

    @EventHandler
    public void tap() {
        taps++;
    }
}
