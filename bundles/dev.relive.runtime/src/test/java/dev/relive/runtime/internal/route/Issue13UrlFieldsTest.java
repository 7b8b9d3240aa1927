package dev.relive.runtime.internal.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.relive.api.LiveView;
import dev.relive.api.QueryParam;
import dev.relive.api.RouteParam;

/**
 * A view class's URL fields are found once per class: every instance, and every class of its own (a subclass, or
 * the class Hot View Replacement loads next), still gets exactly its values; a refused class stays refused.
 */
class Issue13UrlFieldsTest {

    static class ItemView extends LiveView {
        @RouteParam long id;
        @QueryParam(ifAbsent = "name") String sort;
    }

    static class PagedItemView extends ItemView {
        @QueryParam int page;
    }

    static class FinalFieldView extends LiveView {
        @RouteParam final long id = 0;
    }

    @Test
    void everyInstanceGetsItsOwnValues() {
        ItemView first = new ItemView();
        ItemView second = new ItemView();
        UrlFields.apply(first, Map.of("id", "1"), Map.of("sort", "date"));
        UrlFields.apply(second, Map.of("id", "2"), Map.of());
        UrlFields.apply(first, Map.of("id", "3"), Map.of());

        assertThat(first.id).isEqualTo(3L);
        assertThat(first.sort).isEqualTo("name");
        assertThat(second.id).isEqualTo(2L);
        assertThat(second.sort).isEqualTo("name");
    }

    @Test
    void aSubclassHasItsOwnFieldsAndItsParentsFields() {
        UrlFields.apply(new ItemView(), Map.of("id", "1"), Map.of());
        PagedItemView paged = new PagedItemView();
        UrlFields.apply(paged, Map.of("id", "5"), Map.of("page", "4", "sort", "size"));

        assertThat(paged.id).isEqualTo(5L);
        assertThat(paged.page).isEqualTo(4);
        assertThat(paged.sort).isEqualTo("size");
        assertThatThrownBy(() -> UrlFields.apply(new PagedItemView(), Map.of(), Map.of()))
                .isInstanceOf(BadParamException.class);
    }

    @Test
    void aClassWithAFieldThatCannotHoldAParameterIsRefusedEveryTime() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> UrlFields.apply(new FinalFieldView(), Map.of("id", "1"), Map.of()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("final");
        }
    }
}
