package dev.relive.testviews;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;

/** Embeds two child views; one is sticky. */
@LiveViewRoute("/test/parent")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class ParentView extends LiveView {

    private String heading = "Parent";

    @Override
    public String template() {
        return "<h1 id=\"heading\">{{ heading }}</h1>"
                + "{{ child(\"left\", \"dev.relive.testviews.ChildCounter\") }}"
                + "{{ child(\"right\", \"dev.relive.testviews.ChildCounter\", sticky=true) }}";
    }

    @EventHandler
    public void rename(String to) {
        heading = to;
    }
}
