package dev.relive.runtime.internal.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.relive.api.LiveView;
import dev.relive.api.QueryParam;
import dev.relive.api.RouteParam;

class Issue15UrlFieldsTest {

    enum Filter { ALL, OPEN, DONE }

    static class TaskView extends LiveView {
        @RouteParam long id;
        @RouteParam("owner") UUID ownerId;
        @QueryParam(ifAbsent = "all") Filter filter;
        @QueryParam int page;
        @QueryParam String q = "kept?";
        @QueryParam("done") Boolean onlyDone;
        @QueryParam double zoom;
        int untouched = 7;
    }

    private static final String OWNER = "123e4567-e89b-12d3-a456-426614174000";

    @Test
    void routeAndQueryParametersAreConvertedToTheFieldsTypes() {
        TaskView view = new TaskView();
        UrlFields.apply(view, Map.of("id", "42", "owner", OWNER),
                Map.of("filter", "Open", "page", "3", "q", "milk", "done", "true", "zoom", "1.5"));
        assertThat(view.id).isEqualTo(42L);
        assertThat(view.ownerId).isEqualTo(UUID.fromString(OWNER));
        assertThat(view.filter).isEqualTo(Filter.OPEN);
        assertThat(view.page).isEqualTo(3);
        assertThat(view.q).isEqualTo("milk");
        assertThat(view.onlyDone).isTrue();
        assertThat(view.zoom).isEqualTo(1.5);
        assertThat(view.untouched).isEqualTo(7);
    }

    @Test
    void anAbsentQueryParameterGetsItsDefaultOrNothing() {
        TaskView view = new TaskView();
        view.page = 9;
        UrlFields.apply(view, Map.of("id", "1", "owner", OWNER), Map.of());
        assertThat(view.filter).isEqualTo(Filter.ALL);
        assertThat(view.page).isZero();
        assertThat(view.q).isNull();
        assertThat(view.onlyDone).isNull();
    }

    @Test
    void aValueThatDoesNotConvertChangesNoField() {
        for (Map<String, String> query : java.util.List.of(Map.of("filter", "someday"), Map.of("page", "two"),
                Map.of("done", "yes"), Map.of("zoom", "NaN"))) {
            TaskView view = new TaskView();
            assertThatThrownBy(() -> UrlFields.apply(view, Map.of("id", "1", "owner", OWNER), query))
                    .as(query.toString()).isInstanceOf(BadParamException.class);
            assertThat(view.id).isZero();
            assertThat(view.q).isEqualTo("kept?");
        }
        for (Map<String, String> route : java.util.List.of(Map.of("id", "abc", "owner", OWNER),
                Map.of("id", "99999999999999999999", "owner", OWNER), Map.of("id", "1", "owner", "not-a-uuid"),
                Map.of("owner", OWNER))) {
            assertThatThrownBy(() -> UrlFields.apply(new TaskView(), route, Map.of()))
                    .as(route.toString()).isInstanceOf(BadParamException.class);
        }
    }

    static class Unsupported extends LiveView {
        @QueryParam java.util.List<String> tags;
    }

    @Test
    void aFieldOfAnUnsupportedTypeIsAProgrammingError() {
        assertThatThrownBy(() -> UrlFields.apply(new Unsupported(), Map.of(), Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tags");
    }
}
