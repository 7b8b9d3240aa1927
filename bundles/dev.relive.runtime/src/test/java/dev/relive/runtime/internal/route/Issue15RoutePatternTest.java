package dev.relive.runtime.internal.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class Issue15RoutePatternTest {

    @Test
    void aParameterMatchesOneNonEmptySegmentDecoded() {
        RoutePattern route = RoutePattern.parse("/tasks/{id}/notes/{note}");
        assertThat(route.match("/tasks/3/notes/a%20b")).contains(Map.of("id", "3", "note", "a b"));
        assertThat(route.match("/tasks/3/notes/a+b")).contains(Map.of("id", "3", "note", "a+b"));
        assertThat(route.match("/tasks/3/notes/")).isEmpty();
        assertThat(route.match("/tasks//notes/x")).isEmpty();
        assertThat(route.match("/tasks/3/notes")).isEmpty();
        assertThat(route.match("/tasks/3/note/x")).isEmpty();
        assertThat(route.match("/tasks/%zz/notes/x")).isEmpty();
    }

    @Test
    void aRouteWithoutParametersMatchesItsPathExactly() {
        RoutePattern route = RoutePattern.parse("/counter");
        assertThat(route.match("/counter")).contains(Map.of());
        assertThat(route.match("/counter/")).isEmpty();
        assertThat(route.match("/Counter")).isEmpty();
        assertThat(RoutePattern.parse("/").match("/")).contains(Map.of());
    }

    @Test
    void textBeatsAParameterAtTheFirstSegmentWhereTheyDiffer() {
        List<RoutePattern> routes = new ArrayList<>(List.of(RoutePattern.parse("/{a}/{b}"),
                RoutePattern.parse("/tasks/{id}"), RoutePattern.parse("/tasks/new"), RoutePattern.parse("/{a}/x")));
        routes.sort(null);
        assertThat(routes).extracting(RoutePattern::text)
                .containsExactly("/tasks/new", "/tasks/{id}", "/{a}/x", "/{a}/{b}");
    }

    @Test
    void routesOfTheSameShapeMatchTheSamePaths() {
        assertThat(RoutePattern.parse("/tasks/{id}").shape()).isEqualTo(RoutePattern.parse("/tasks/{key}").shape());
        assertThat(RoutePattern.parse("/tasks/{id}").shape()).isNotEqualTo(RoutePattern.parse("/tasks/id").shape());
    }

    @Test
    void malformedRoutesAreRefused() {
        for (String bad : List.of("tasks", "/tasks/{id", "/tasks/x{id}", "/a/{id}/{id}", "/a/{1x}", "/a/{}")) {
            assertThatThrownBy(() -> RoutePattern.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
