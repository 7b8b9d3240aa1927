package dev.relive.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

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

    @Test
    void ticksAndNavigation() {
        ViewFixture<TodoView> todo = ViewFixture.mount(TodoView.class);

        todo.tick(3).click("#open");

        assertThat(todo.text("#ticks")).isEqualTo("3");
        assertThat(todo.navigations()).containsExactly("/todo/1");
        assertThat(todo.redirectedTo()).isEmpty();
    }
}
