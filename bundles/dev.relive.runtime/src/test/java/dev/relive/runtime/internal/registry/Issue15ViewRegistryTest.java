package dev.relive.runtime.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.relive.api.ErrorPage;

/** Routes with parameters in the registry: the most specific route wins, and a route serves one view. */
class Issue15ViewRegistryTest {

    private final ViewRegistry registry = new ViewRegistry(null);

    private static ViewType view(String className, String route) {
        return new ViewType(new StubReference(className), null, route, className);
    }

    @Test
    void aPathGetsTheViewOfTheRouteThatMatchesItWithItsParameters() {
        registry.add(view("a.Tasks", "/tasks"));
        registry.add(view("a.Task", "/tasks/{id}"));
        registry.add(view("a.NewTask", "/tasks/new"));

        assertThat(registry.match("/tasks").map(m -> m.type().className())).contains("a.Tasks");
        RouteMatch one = registry.match("/tasks/42").orElseThrow();
        assertThat(one.type().className()).isEqualTo("a.Task");
        assertThat(one.params()).isEqualTo(Map.of("id", "42"));
        assertThat(registry.match("/tasks/new").map(m -> m.type().className())).contains("a.NewTask");
        assertThat(registry.match("/tasks/42/edit")).isEmpty();
        assertThat(registry.match("/tasks/")).isEmpty();
        assertThat(registry.match("/other")).isEmpty();
    }

    @Test
    void aSecondViewClaimingTheSameRouteIsRefusedUntilTheFirstGoes() {
        List<String> events = new ArrayList<>();
        registry.addListener(new ViewRegistryListener() {
            @Override
            public void viewAdded(ViewType type) {
                events.add(type.className());
            }

            @Override
            public void viewRemoved(ViewType type) {
                events.add("-" + type.className());
            }
        });
        ViewType first = view("a.Task", "/tasks/{id}");
        ViewType second = view("b.Task", "/tasks/{taskId}");
        registry.add(first);
        registry.add(second);

        assertThat(registry.match("/tasks/1").orElseThrow().type().className()).isEqualTo("a.Task");
        assertThat(registry.byClassName("b.Task")).isEmpty();
        assertThat(events).containsExactly("a.Task");

        registry.removeView(first.reference());

        RouteMatch now = registry.match("/tasks/1").orElseThrow();
        assertThat(now.type().className()).isEqualTo("b.Task");
        assertThat(now.params()).containsEntry("taskId", "1");
        assertThat(events).containsExactly("a.Task", "-a.Task", "b.Task");
    }

    @Test
    void aMalformedRouteIsRefused() {
        registry.add(view("a.Bad", "/tasks/{id"));
        registry.add(view("a.Worse", "tasks"));
        assertThat(registry.all()).isEmpty();
    }

    @Test
    void errorPagesAreFoundByTheirStatus() {
        ViewType notFound = new ViewType(new StubReference("a.Missing").with(ErrorPage.PROPERTY, 404), null, null,
                "a.Missing");
        registry.add(notFound);
        assertThat(registry.errorPage(404)).contains(notFound);
        assertThat(registry.errorPage(500)).isEmpty();
    }
}
