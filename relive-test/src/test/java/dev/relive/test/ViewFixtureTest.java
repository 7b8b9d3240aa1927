package dev.relive.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.relive.api.Bind;
import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;

class ViewFixtureTest {

    @Test
    void rendersTheTemplateFileWithTheFieldsAfterMount() {
        ViewFixture<TodoView> todo = ViewFixture.mount(new TodoView(), Map.of("first", "<tea>"));

        assertThat(todo.select("#items li").eachText()).containsExactly("<tea>");
        assertThat(todo.render()).contains("&lt;tea&gt;");
        assertThat(todo.pageMeta().title()).isEqualTo("1 to do");
    }

    @Test
    void clickChangeAndSubmitCallTheBoundHandlers() {
        ViewFixture<TodoView> todo = ViewFixture.mount(new TodoView());

        todo.submit("#new", Map.of("text", "bread")).click("#items li:nth-child(1)").change("#filter", "open");

        assertThat(todo.text("#filter-name")).isEqualTo("open");
        assertThat(todo.select("#items li").eachText()).containsExactly("bread");
    }

    @Test
    void failuresCarryTheRuntimesErrorCodes() {
        ViewFixture<TodoView> todo = ViewFixture.mount(new TodoView());

        assertThatThrownBy(() -> todo.call("add", Map.of("text", " "))).isInstanceOf(LiveError.class)
                .extracting(e -> ((LiveError) e).code()).isEqualTo("handler_failed");
        assertThatThrownBy(() -> todo.call("tick", Map.of())).isInstanceOf(LiveError.class)
                .extracting(e -> ((LiveError) e).code()).isEqualTo("unknown_handler");
        assertThatThrownBy(() -> todo.call("toggle", Map.of("index", "x"))).isInstanceOf(LiveError.class)
                .extracting(e -> ((LiveError) e).code()).isEqualTo("bad_params");
    }

    /** A template that does not parse. */
    public static class TypoView extends LiveView {
        public int count;

        @Override
        public String template() {
            return "<p>{{ count }</p>";
        }
    }

    @Test
    void issue13ATemplateThatDoesNotParseIsALiveErrorSayingWhere() {
        ViewFixture<TypoView> typo = ViewFixture.mount(new TypoView());

        assertThatThrownBy(typo::render).isInstanceOf(LiveError.class)
                .satisfies(e -> assertThat(((LiveError) e).code()).isEqualTo("render_failed"))
                .hasMessageContaining("TypoView").hasMessageContaining("line 1");
    }

    /** A view with a bound field and a field whose every keystroke runs a handler. */
    public static class SearchView extends LiveView {
        @Bind
        public String name = "";
        @Bind
        public int age;
        public String query = "";

        @EventHandler
        public void search(String value) {
            query = value.trim();
        }

        @Override
        public String template() {
            return "<input id=\"name\" rl-model=\"name\" value=\"{{ name }}\"><input id=\"age\" rl-model=\"age\">"
                    + "<input id=\"q\" rl-input=\"search\"><input id=\"gone\" rl-model=\"nickname\"><p id=\"out\">{{ query }}</p>";
        }
    }

    @Test
    void fillSetsABoundFieldOrRunsTheInputHandlerAsTheRuntimeWould() {
        ViewFixture<SearchView> search = ViewFixture.mount(new SearchView());

        search.fill("#name", "Ada").fill("#age", "36").fill("#q", " tea ");

        assertThat(search.view().name).isEqualTo("Ada");
        assertThat(search.view().age).isEqualTo(36);
        assertThat(search.select("#name").attr("value")).isEqualTo("Ada");
        assertThat(search.text("#out")).isEqualTo("tea");
        assertThatThrownBy(() -> search.fill("#age", "old")).isInstanceOf(LiveError.class)
                .extracting(e -> ((LiveError) e).code()).isEqualTo("bad_params");
        assertThatThrownBy(() -> search.fill("#gone", "x")).isInstanceOf(LiveError.class)
                .extracting(e -> ((LiveError) e).code()).isEqualTo("unknown_field");
    }

    /** A bound field that is also checked as the user types: both happen, as in the browser. */
    public static class CheckedView extends LiveView {
        @Bind
        public String title = "";
        public String error = "";

        @EventHandler
        public void check(String value) {
            error = value.length() > 5 ? "At most 5 characters." : "";
        }

        @Override
        public String template() {
            return "<input id=\"title\" rl-model=\"title\" rl-input=\"check\"><p id=\"error\">{{ error }}</p>";
        }
    }

    @Test
    void issue13FillOfABoundFieldAlsoRunsItsInputHandler() {
        ViewFixture<CheckedView> checked = ViewFixture.mount(new CheckedView());

        checked.fill("#title", "much too long");

        assertThat(checked.view().title).isEqualTo("much too long");
        assertThat(checked.text("#error")).isEqualTo("At most 5 characters.");
    }

    @Test
    void ticksAndNavigation() {
        ViewFixture<TodoView> todo = ViewFixture.mount(TodoView.class);

        todo.tick(3).click("#open");

        assertThat(todo.text("#ticks")).isEqualTo("3");
        assertThat(todo.navigations()).containsExactly("/todo/1");
        assertThat(todo.redirectedTo()).isEmpty();
    }
}
