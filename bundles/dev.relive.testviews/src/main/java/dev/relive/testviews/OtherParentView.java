package dev.relive.testviews;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;

/** Another page embedding the sticky child "right": navigating here keeps that child's state. */
@LiveViewRoute("/test/other")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class OtherParentView extends LiveView {

    @Override
    public String template() {
        return "<h1 id=\"heading\">Other</h1>{{ child(\"right\", \"dev.relive.testviews.ChildCounter\", sticky=true) }}";
    }
}
