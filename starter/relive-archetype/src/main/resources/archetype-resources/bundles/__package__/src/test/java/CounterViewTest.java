#set( $hash = "#" )
package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.relive.test.LivePage;
import dev.relive.test.LiveRuntime;
import dev.relive.test.ReliveTest;
import dev.relive.test.ViewFixture;

/** The counter in a real runtime (this bundle in an in-process Felix, over a WebSocket), and in light mode. */
@ReliveTest
class CounterViewTest {

    @Test
    void eachClickCountsOne(LiveRuntime relive) {
        try (LivePage page = relive.mount("/counter")) {
            page.click("${hash}inc").click("${hash}inc");

            assertThat(page.text("${hash}count")).isEqualTo("2");
            assertThat(page.title()).isEqualTo("Count: 2");
        }
    }

    @Test
    void theButtonCallsIncrement() {
        ViewFixture<CounterView> counter = ViewFixture.mount(new CounterView());

        counter.click("${hash}inc");

        assertThat(counter.text("${hash}count")).isEqualTo("1");
    }
}
