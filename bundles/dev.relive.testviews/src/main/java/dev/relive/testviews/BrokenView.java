package dev.relive.testviews;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;
import dev.relive.api.ViewSession;

/** Throws in mount: its page is a 500. */
@LiveViewRoute("/test/broken")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class BrokenView extends LiveView {

    @Override
    public void mount(Map<String, String> params, ViewSession session) {
        throw new IllegalStateException("mount failed on purpose");
    }

    @Override
    public String template() {
        return "<p>never</p>";
    }
}
