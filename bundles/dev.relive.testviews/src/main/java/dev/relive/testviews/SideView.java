package dev.relive.testviews;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;

/** HvrView's child: its state must survive swaps together with its parent's. */
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class SideView extends LiveView {

    private int clicks;

    @Override
    public String template() {
        return "<span id=\"side\">{{ clicks }}</span>";
    }

    @EventHandler
    public void click() {
        clicks++;
    }
}
