package dev.relive.runtime.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.ViewSession;
import dev.relive.runtime.internal.invoke.FieldBinder;
import dev.relive.runtime.internal.invoke.HandlerInvoker;
import dev.relive.runtime.internal.protocol.ProtocolJson;
import dev.relive.runtime.internal.registry.RouteMatch;
import dev.relive.runtime.internal.registry.StubReference;
import dev.relive.runtime.internal.registry.ViewRegistry;
import dev.relive.runtime.internal.registry.ViewType;
import dev.relive.runtime.internal.render.TemplateRenderer;

/** Child views with props: given their parent's values when they change, and messaging the parent. */
class Issue15ChildViewsTest {

    public static class ListView extends LiveView {
        public List<String> items = new ArrayList<>(List.of("a", "b"));
        public final List<String> received = new ArrayList<>();
        public String rowView = Row.class.getName();

        @EventHandler
        public void replace(String from, String to) {
            items.set(items.indexOf(from), to);
        }

        public boolean broken;

        /** Renames the first item, in a render that then fails: everything is rolled back. */
        @EventHandler
        public void renameThenFail(String to) {
            items = new ArrayList<>(List.of(to, items.get(1)));
            broken = true;
        }

        @EventHandler
        public void rename(String to) {
            items = new ArrayList<>(List.of(to, items.get(1)));
        }

        @Override
        public String template() {
            return "<ul>{% for i in items %}{{ child(\"row-\" + loop.index, rowView, {\"item\": i}) }}{% endfor %}</ul>"
                    + "{% if broken %}{{ child(\"bad\", \"no.such.View\") }}{% endif %}";
        }

        @Override
        public void onChildMessage(String childId, Object message) {
            received.add(childId + ":" + message);
        }
    }

    public static class Row extends LiveView {
        public String item;
        public int updates;
        private ViewSession session;

        @Override
        public void mount(Map<String, String> params, ViewSession session) {
            this.session = session;
        }

        @Override
        public void update(Map<String, Object> props) {
            item = (String) props.get("item");
            updates++;
        }

        @EventHandler
        public void remove() {
            session.sendToParent("removed");
        }

        @Override
        public String template() {
            return "<li>{{ item }}</li>";
        }
    }

    private final ObjectMapper json = ProtocolJson.newMapper();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<Row> rows = new ArrayList<>();
    private final ViewType rowType = type(Row.class.getName(), () -> {
        Row row = new Row();
        rows.add(row);
        return row;
    });
    private final ViewRegistry registry = new ViewRegistry(null) {
        @Override
        public Optional<ViewType> byClassName(String className) {
            return className.equals(Row.class.getName()) ? Optional.of(rowType) : Optional.empty();
        }
    };
    private final List<String> sent = new ArrayList<>();
    private final TabSession session = new TabSession("s1", new BrowserChannel(new Connection() {
        @Override
        public void send(String frame) {
            sent.add(frame);
        }

        @Override
        public void close(int status, String reason) {
        }
    }, false), new ViewWorkerBudget(Runnable::run, 1), timer, new TemplateRenderer(), registry,
            new HandlerInvoker(json), new FieldBinder(json));
    private final ListView list = new ListView();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void childrenGetTheirValuesOnceAndAgainOnlyWhenTheyChange() throws Exception {
        String html = session.mount(new RouteMatch(type(ListView.class.getName(), () -> list), Map.of()), "/list",
                Map.of());
        assertThat(html).contains("<li>a</li>", "<li>b</li>");
        assertThat(rows).extracting(r -> r.item).containsExactly("a", "b");

        session.event(1, null, "replace", json.readTree("{\"from\":\"b\",\"to\":\"c\"}"));

        assertThat(rows).as("the same two rows").hasSize(2).extracting(r -> r.item).containsExactly("a", "c");
        assertThat(rows.get(0).updates).as("the first row was given the same value: no update").isEqualTo(1);
        assertThat(rows.get(1).updates).isEqualTo(2);
        assertThat(session.tree().html()).contains("<li>c</li>").doesNotContain("<li>b</li>");
    }

    @Test
    void aChildsMessageRunsTheParentsCallbackAfterTheChildsEvent() throws Exception {
        session.mount(new RouteMatch(type(ListView.class.getName(), () -> list), Map.of()), "/list", Map.of());
        session.event(1, "row-0", "remove", json.readTree("{}"));
        assertThat(list.received).containsExactly("row-0:removed");
    }

    /** Removes the row that says it was removed. */
    public static class RemovingList extends ListView {
        @Override
        public void onChildMessage(String childId, Object message) {
            super.onChildMessage(childId, message);
            items = new ArrayList<>(items);
            items.remove(Integer.parseInt(childId.substring("row-".length())));
        }
    }

    @Test
    void issue13AChildsMessageToItsParentIsAnsweredInTheEventsOnePatch() throws Exception {
        RemovingList page = new RemovingList();
        session.mount(new RouteMatch(type(RemovingList.class.getName(), () -> page), Map.of()), "/list", Map.of());
        sent.clear();

        session.event(7, "row-0", "remove", json.readTree("{}"));

        assertThat(page.received).containsExactly("row-0:removed");
        assertThat(sent).as("one frame: the event's answer, carrying the parent's change").hasSize(1);
        assertThat(json.readTree(sent.get(0)).path("ref").asLong()).isEqualTo(7);
        assertThat(session.tree().html()).contains("<li>b</li>").doesNotContain("<li>a</li>");
    }

    /** Answers every message by sending one to itself through a child: a loop that must end. */
    public static class EchoingList extends ListView {
        private final List<Row> rows;

        EchoingList(List<Row> rows) {
            this.rows = rows;
        }

        @Override
        public void onChildMessage(String childId, Object message) {
            super.onChildMessage(childId, message);
            rows.get(0).remove();
        }
    }

    @Test
    void issue13ParentsAndChildrenAnsweringEachOtherWithoutEndFailTheEventAndKeepTheState() throws Exception {
        EchoingList page = new EchoingList(rows);
        session.mount(new RouteMatch(type(EchoingList.class.getName(), () -> page), Map.of()), "/list", Map.of());
        sent.clear();

        session.event(3, "row-0", "remove", json.readTree("{}"));

        // a production channel: the browser is told only that it failed; the log has the loop's message
        assertThat(sent).singleElement().satisfies(frame -> assertThat(frame).contains("\"ref\":3")
                .contains("handler_failed"));
        assertThat(page.items).containsExactly("a", "b");
    }

    @Test
    void aRolledBackEventGivesTheChildrenTheirParentsValuesAgain() throws Exception {
        session.mount(new RouteMatch(type(ListView.class.getName(), () -> list), Map.of()), "/list", Map.of());
        session.event(1, null, "renameThenFail", json.readTree("{\"to\":\"a2\"}"));
        assertThat(list.items).containsExactly("a", "b");
        assertThat(rows.get(0).item).as("the row's fields are rolled back too").isEqualTo("a");

        // the same values again, in a render that succeeds: the row is given them, although it was last given them
        session.event(2, null, "rename", json.readTree("{\"to\":\"a2\"}"));
        assertThat(rows.get(0).item).isEqualTo("a2");
        assertThat(session.tree().html()).contains("<li>a2</li>");
    }

    /** The rows as list items: each child rendered in an {@code li} of its own, its template the item's content. */
    public static class ItemList extends ListView {
        public String tag = "li";

        @Override
        public String template() {
            return "<ul>{% for i in items %}{{ child(\"row-\" + loop.index, rowView, {\"item\": i}, tag=tag) }}"
                    + "{% endfor %}</ul>";
        }
    }

    @Test
    void issue13AChildCanBeRenderedInAListItemSoThatTheListIsValidHtml() throws Exception {
        ItemList items = new ItemList();
        String html = session.mount(new RouteMatch(type(ItemList.class.getName(), () -> items), Map.of()), "/items",
                Map.of());
        assertThat(html).startsWith("<ul><li rl-child=\"row-0\" rl-view=\"" + Row.class.getName() + "\">")
                .contains("</li></ul>").doesNotContain("<div");
        session.event(1, "row-1", "remove", json.readTree("{}"));
        assertThat(items.received).containsExactly("row-1:removed");
    }

    @Test
    void aChildTagOutsideTheListIsRefusedWithTheTagsThatAre() {
        ItemList items = new ItemList();
        items.tag = "script";
        assertThatThrownBy(() -> session.mount(new RouteMatch(type(ItemList.class.getName(), () -> items), Map.of()),
                "/items", Map.of())).hasStackTraceContaining("tag=\"script\"").hasStackTraceContaining("li");
    }

    /** Every row embeds a child of the same id: one instance would show in each place. */
    public static class SharedIds extends ListView {
        @Override
        public String template() {
            return "<ul>{% for i in items %}{{ child(\"badge\", rowView, {\"item\": i}) }}{% endfor %}</ul>";
        }
    }

    @Test
    void issue13AChildIdEmbeddedTwiceOnAPageIsARenderErrorNotASharedInstance() {
        SharedIds page = new SharedIds();
        assertThatThrownBy(() -> session.mount(new RouteMatch(type(SharedIds.class.getName(), () -> page), Map.of()),
                "/shared", Map.of())).hasStackTraceContaining("child id 'badge' is embedded twice on this page, "
                        + "both times by SharedIds's template (in a loop?)")
                .hasStackTraceContaining("give each its own");
        assertThat(rows).as("one row was mounted before the second place was found").hasSize(1);
    }

    private static ViewType type(String className, java.util.function.Supplier<LiveView> instances) {
        StubReference reference = new StubReference(className);
        return new ViewType(reference, new ServiceObjects<>() {
            @Override
            public LiveView getService() {
                return instances.get();
            }

            @Override
            public void ungetService(LiveView service) {
            }

            @Override
            public ServiceReference<LiveView> getServiceReference() {
                return reference;
            }
        }, null, className);
    }
}
