package dev.relive.launcher.e2e;

import static dev.relive.launcher.EditorSaves.edit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Structural template edits around a field the user is typing in, in headless Chromium: the field keeps its DOM
 * node, so what was typed, the focus and the caret stay while the new markup shows. Each test runs its own dev
 * runtime, since it edits the form view's template.
 */
@ExtendWith(E2EExtension.class)
class Issue13WrapKeepsInputE2EIT {

    private static final String FORM_PEB = "src/main/resources/dev/relive/examples/form/FormView.peb";
    private static final String NAME_FIELD_START = "    <div class=\"field\">\n      <label for=\"name\">Name</label>";
    private static final String NAME_FIELD_END = "{{ messages.name }}</p>\n    </div>";

    private final Browser browser;

    Issue13WrapKeepsInputE2EIT(Browser browser) {
        this.browser = browser;
    }

    @Test
    void issue13WrappingAndUnwrappingTheFieldsContainerKeepsTheTypedValueFocusAndCaret() throws Exception {
        try (LiveServer server = LiveServer.start()) {
            Path template = server.source("dev.relive.examples.form", FORM_PEB);
            typeIntoName(server);

            String field = nameField(template);
            String wrapped = "    <section id=\"name-wrap\" class=\"card\">\n" + field + "\n    </section>";
            edit(template, field, wrapped);
            browser.waitForSwap("the wrapper is on the page", () -> browser.exists("#signup > #name-wrap > .field > #name"));
            browser.waitForSwap("hvr-applied", () -> browser.hvrApplied() >= 1);
            assertTypedStateKept();

            edit(template, wrapped, field);
            browser.waitForSwap("the wrapper is gone", () -> browser.exists("#signup > .field > #name")
                    && !browser.exists("#name-wrap"));
            assertTypedStateKept();
        }
    }

    @Test
    void issue13InsertingAnElementBeforeTheFormKeepsTheTypedValueFocusAndCaret() throws Exception {
        try (LiveServer server = LiveServer.start()) {
            Path template = server.source("dev.relive.examples.form", FORM_PEB);
            typeIntoName(server);

            edit(template, "  <form id=\"signup\"", "  <p id=\"notice\">Almost done: one more step.</p>\n"
                    + "  <form id=\"signup\"");
            browser.waitForSwap("the notice is on the page", () -> browser.exists("#notice + #signup"));
            browser.waitForSwap("hvr-applied", () -> browser.hvrApplied() >= 1);
            assertThat(browser.text("#notice")).isEqualTo("Almost done: one more step.");
            assertTypedStateKept();
        }
    }

    @Test
    void issue13WrappingTheFormWhileItsFocusedFieldIsScrolledOutOfViewKeepsTheScrollPosition() throws Exception {
        try (LiveServer server = LiveServer.start()) {
            Path template = server.source("dev.relive.examples.form", FORM_PEB);
            typeIntoName(server);
            // a page taller than the window, scrolled so that the focused field is out of view
            browser.js("var s = document.createElement('div'); s.style.height = '4000px'; document.body.appendChild(s);"
                    + " window.scrollTo(0, 600);");
            assertThat(((Number) browser.js("return window.scrollY")).longValue()).isEqualTo(600L);

            String text = Files.readString(template, StandardCharsets.UTF_8);
            int start = text.indexOf("  <form id=\"signup\"");
            String form = text.substring(start, text.indexOf("</form>", start) + "</form>".length());
            edit(template, form, "  <div id=\"outer\">\n" + form + "\n  </div>");
            browser.waitForSwap("the form is wrapped", () -> browser.exists("#outer > #signup #name"));
            browser.waitForSwap("hvr-applied", () -> browser.hvrApplied() >= 1);

            assertTypedStateKept();
            assertThat(((Number) browser.js("return window.scrollY")).longValue()).as("the scroll position")
                    .isEqualTo(600L);
        }
    }

    /** Types "Ada" into the name field as a person does, waits for the server's answer, then selects "da". */
    private void typeIntoName(LiveServer server) {
        browser.open(server.url("/form"));
        browser.waitForLive();
        browser.installHvrProbe();
        browser.find("#name").sendKeys("Ada");
        browser.waitForText("#name-msg", "Nice to meet you, Ada!");
        browser.waitForIdle();
        browser.js("var e = document.getElementById('name'); window.__typedInto = e; e.setSelectionRange(1, 3);");
    }

    private void assertTypedStateKept() {
        assertThat(browser.js("return document.getElementById('name') === window.__typedInto"))
                .as("the name field is the node the user typed into").isEqualTo(Boolean.TRUE);
        assertThat(browser.property("#name", "value")).isEqualTo("Ada");
        assertThat(browser.focusedId()).isEqualTo("name");
        assertThat(browser.selection("#name")).containsExactly(1L, 3L);
    }

    /** The name field's container, from its opening tag to its closing one. */
    private static String nameField(Path template) throws IOException {
        String text = Files.readString(template, StandardCharsets.UTF_8);
        int start = text.indexOf(NAME_FIELD_START);
        int end = text.indexOf(NAME_FIELD_END, start);
        assertThat(start).as("the name field in the form template").isNotNegative();
        assertThat(end).as("the end of the name field").isGreaterThan(start);
        return text.substring(start, end + NAME_FIELD_END.length());
    }
}
