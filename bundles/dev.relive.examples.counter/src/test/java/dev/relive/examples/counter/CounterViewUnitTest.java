package dev.relive.examples.counter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.relive.test.ViewFixture;

/** The counter's handlers and template without a runtime. */
class CounterViewUnitTest {

    @Test
    void theButtonsCallTheHandlersTheTemplateNames() {
        ViewFixture<CounterView> counter = ViewFixture.mount(new CounterView());

        counter.click("#inc").click("#add5");

        assertThat(counter.text("#count")).isEqualTo("6");
        assertThat(counter.pageMeta().title()).isEqualTo("Counter: 6");
    }
}
