package dev.relive.runtime.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.relive.runtime.internal.route.RoutePattern;

/**
 * Matching a path reads the registry's views as of its last change without a lock, and each route is parsed once:
 * every change is seen by the next match, and a malformed route is refused every time.
 */
class Issue13RouteMatchTest {

    private final ViewRegistry registry = new ViewRegistry(null);

    private static ViewType view(String className, String route) {
        return new ViewType(new StubReference(className), null, route, className);
    }

    @Test
    void eachAddAndRemoveIsSeenByTheNextMatch() {
        ViewType task = view("a.Task", "/tasks/{id}");
        ViewType replacement = view("b.Task", "/tasks/{taskId}");
        registry.add(task);
        registry.add(replacement);
        assertThat(registry.match("/tasks/7").orElseThrow().type()).isSameAs(task);

        registry.removeView(task.reference());
        RouteMatch promoted = registry.match("/tasks/7").orElseThrow();
        assertThat(promoted.type()).isSameAs(replacement);
        assertThat(promoted.params()).isEqualTo(Map.of("taskId", "7"));

        registry.removeView(replacement.reference());
        assertThat(registry.match("/tasks/7")).isEmpty();
        assertThat(registry.all()).isEmpty();

        registry.add(view("c.Tasks", "/tasks"));
        assertThat(registry.match("/tasks").orElseThrow().type().className()).isEqualTo("c.Tasks");
        assertThat(registry.match("tasks")).isEmpty();
        assertThat(registry.match(null)).isEmpty();
    }

    @Test
    void aRouteIsParsedOnceAndAMalformedOneIsRefusedEveryTime() {
        assertThat(RoutePattern.of("/issue13/{id}")).isSameAs(RoutePattern.of("/issue13/{id}"));
        assertThat(RoutePattern.of("/issue13/{id}").match("/issue13/5")).contains(Map.of("id", "5"));
        assertThat(RoutePattern.of("/issue13/{id}").match(RoutePattern.segments("/issue13/5/6"))).isEmpty();
        assertThatThrownBy(() -> RoutePattern.of("/issue13/{bad-name}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoutePattern.of("/issue13/{bad-name}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoutePattern.of("no-slash")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aViewWithAMalformedRouteIsNeverMatched() {
        registry.add(view("a.Bad", "/bad/{x-y}"));
        assertThat(registry.match("/bad/1")).isEmpty();
        assertThat(registry.all()).isEmpty();
    }
}
