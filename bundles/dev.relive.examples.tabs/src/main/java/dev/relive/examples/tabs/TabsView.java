package dev.relive.examples.tabs;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;
import dev.relive.api.PageMeta;

/** Three tabs and a modal dialog; which tab is active and whether the dialog is open is the view's state. */
@LiveViewRoute("/tabs")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class TabsView extends LiveView {

    /** A tab and its panel's text. */
    public record Tab(String id, String label, String heading, String text) {
    }

    private final List<Tab> tabs = List.of(
            new Tab("a", "Overview", "Overview",
                    "The server holds which tab is active. No page load: a click sends an event, the server"
                            + " renders the view again and the browser applies a small patch."),
            new Tab("b", "Activity", "Recent activity",
                    "Seven builds passed today; the last deploy took 42 seconds. Nothing here runs in the"
                            + " browser but the client that applies patches."),
            new Tab("c", "Settings", "Settings",
                    "Open the dialog below: its open state is a field of the view too, so it survives a"
                            + " Hot View Replacement of this class."));

    private String active = "a";
    private boolean modalOpen;
    private int modalOpened;
    private int tabSwitches;

    @EventHandler
    public void select(String tab) {
        if (tabs.stream().anyMatch(t -> t.id().equals(tab)) && !tab.equals(active)) {
            active = tab;
            tabSwitches++;
        }
    }

    @EventHandler
    public void openModal() {
        if (!modalOpen) {
            modalOpen = true;
            modalOpened++;
        }
    }

    @EventHandler
    public void closeModal() {
        modalOpen = false;
    }

    /** The active tab, for the template. */
    public Tab getCurrent() {
        return tabs.stream().filter(t -> t.id().equals(active)).findFirst().orElse(tabs.get(0));
    }

    @Override
    public PageMeta pageMeta() {
        return PageMeta.title("Tabs: " + getCurrent().label());
    }
}
