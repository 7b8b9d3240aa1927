package dev.relive.examples.dashboard;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;
import dev.relive.api.PageMeta;
import dev.relive.api.ViewSession;

/**
 * A page of child views: the stats panel of this bundle ({@code stats}) and the clock widget of another bundle
 * ({@code widget}, sticky). An {@code rl-nav} link goes to {@code /dashboard/details}, which embeds the same widget:
 * the live navigation keeps it, with its clicks and its clock, while the stats panel is left behind.
 */
@LiveViewRoute("/dashboard")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class DashboardView extends LiveView {

    private String openedAt = "";
    private boolean wide;

    @Override
    public void mount(Map<String, String> params, ViewSession session) {
        openedAt = LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"));
    }

    /** Toggles between a two-column and a one-column layout: the parent's own state. */
    @EventHandler
    public void toggleLayout() {
        wide = !wide;
    }

    @Override
    public PageMeta pageMeta() {
        return PageMeta.title("Dashboard");
    }
}
