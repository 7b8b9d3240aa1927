package dev.relive.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The harness applies {@code stream} patches: the {@code /list} example's rows, appended, starred and deleted. */
@ReliveTest(classPathBundles = { "dev.relive.examples.uikit", "dev.relive.examples.list" })
class Issue17StreamPageTest {

    @Test
    void rowsOfAStreamAreAppendedReplacedAndDeleted(LiveRuntime relive) {
        try (LivePage page = relive.mount("/list")) {
            assertThat(page.select("#rows tbody tr")).hasSize(500);

            page.click("#more");
            assertThat(page.text("#shown-count")).isEqualTo("1500");
            assertThat(page.select("#rows tbody tr")).hasSize(1500);
            assertThat(page.select("#rows tbody tr").last().id()).isEqualTo("row-1500");

            page.click("#row-2 .star");
            assertThat(page.one("#row-2").hasClass("starred")).isTrue();
            assertThat(page.select("#rows tbody tr").get(1).id()).isEqualTo("row-2");

            page.click("#row-3 .delete");
            assertThat(page.has("#row-3")).isFalse();
            assertThat(page.select("#rows tbody tr")).hasSize(1499);
            assertThat(page.title()).isEqualTo("List: 1499 of 1499");

            page.click("#sort-id");
            assertThat(page.select("#rows tbody tr").first().id()).isEqualTo("row-1500");
            assertThat(page.select("#rows tbody tr")).hasSize(1499);
        }
    }
}
