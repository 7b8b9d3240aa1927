package dev.relive.examples.dashboard;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;
import dev.relive.api.PageMeta;

/** The dashboard's second page: it embeds the same sticky clock widget, which a live navigation carries over. */
@LiveViewRoute("/dashboard/details")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class DetailsView extends LiveView {

    @Override
    public PageMeta pageMeta() {
        return PageMeta.title("Dashboard details");
    }
}
