package dev.relive.runtime.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.api.LiveView;
import dev.relive.runtime.internal.registry.RouteMatch;
import dev.relive.runtime.spi.HvrApplied;
import dev.relive.runtime.spi.LiveSession;
import dev.relive.runtime.spi.TemplateFiles;

/**
 * A save whose template does not parse (or whose new code does not render) must not tell the browser it was applied:
 * the page would keep its old look with no word of why. The swap's render failure becomes an {@code hvr-error} of
 * stage {@code render}, which the browser shows as an overlay with the template and line; the next save that renders
 * sends {@code hvr-applied}, which clears it.
 */
class Issue13TemplateErrorOverlayTest {

    /** A view whose template a test rewrites, as a template save does. */
    public static class EditedView extends LiveView {
        public int count = 3;
        public volatile String text = "<p id=\"count\">{{ count }}</p>";

        @Override
        public String template() {
            return text;
        }
    }

    private final RecordedTab recorded = new RecordedTab(true);
    private final ObjectMapper json = recorded.json;
    private final List<String> sent = recorded.sent;
    private final EditedView view = new EditedView();
    private final TabSession tab = recorded.tab;
    private final LiveSession session = new TabLiveSession(tab, null);
    private final String file = "/ws/app/src/main/resources/" + TemplateFiles.pathOf(EditedView.class.getName());

    @BeforeEach
    void mount() {
        tab.mount(new RouteMatch(TabSessionTest.type(view), Map.of()), "/edited", Map.of());
        sent.clear();
    }

    @AfterEach
    void stopTimer() {
        recorded.close();
    }

    @Test
    void aTemplateThatDoesNotParseGetsAnOverlayWithItsFileAndLineNotAnAppliedFrame() throws Exception {
        view.text = "<p id=\"count\">\n{{ count </p>";
        session.rerender(new HvrApplied(EditedView.class.getName(), 1, file, 4, "app", Map.of()));

        List<String> types = recorded.types();
        assertThat(types).containsExactly("error", "hvr-error");
        JsonNode overlay = json.readTree(sent.get(1));
        assertThat(overlay.path("stage").asText()).isEqualTo("render");
        assertThat(overlay.path("bundle").asText()).isEqualTo("app");
        assertThat(overlay.path("file").asText()).isEqualTo(file);
        assertThat(overlay.path("line").asLong()).isEqualTo(2);
        assertThat(overlay.path("message").asText()).contains("EditedView template, line 2").doesNotContain("\u0000");

        sent.clear();
        List<String> failures = new java.util.ArrayList<>();
        session.rerender(new HvrApplied(EditedView.class.getName(), 2, file, 4, "app", Map.of()), failures::add);
        assertThat(failures).as("the tooling hears of it too").singleElement().asString()
                .contains("EditedView template, line 2");

        sent.clear();
        view.text = "<p id=\"count\">{{ count }}!</p>";
        session.rerender(new HvrApplied(EditedView.class.getName(), 2, file, 3, "app", Map.of()), failures::add);

        assertThat(failures).hasSize(1);
        assertThat(recorded.types()).containsExactly("patch", "hvr-applied");
        assertThat(sent.get(0)).contains("3!");
    }

    /**
     * A render that fails for an include that does not exist yet counts that include among the templates the page
     * reads, so that creating it (a template save of it) renders the page again and clears the overlay; its message
     * has no line where Pebble gives none.
     */
    @Test
    void aMissingIncludeIsAmongTheTemplatesThePageRendersSoThatCreatingItRendersThePageAgain() throws Exception {
        String origin = "loader-" + Integer.toHexString(System.identityHashCode(EditedView.class.getClassLoader()));
        String folder = TemplateFiles.pathOf(EditedView.class.getName());
        String part = folder.substring(0, folder.lastIndexOf('/') + 1) + "part.peb";
        view.text = "<p id=\"count\">{{ count }}</p>{% include \"part.peb\" %}";
        session.rerender(new HvrApplied(EditedView.class.getName(), 1, file, 4, "app", Map.of()));

        assertThat(recorded.types()).containsExactly("error", "hvr-error");
        assertThat(json.readTree(sent.get(1)).path("message").asText()).contains("part.peb").doesNotContain("null");
        assertThat(tab.tree().usesTemplate(origin + "!" + part)).as("the missing include is among those read").isTrue();
    }

    @Test
    void aTemplateOtherThanTheSavedFileIsNamedByItsPathInTheBundle() {
        assertThat(SavedRenderFailure.fileOf("bundle:7!a/_layout.peb", "/ws/app/src/main/resources/a/View.peb"))
                .isEqualTo("a/_layout.peb");
        assertThat(SavedRenderFailure.fileOf("bundle:7!a/View.peb#1f2e", "C:\\ws\\app\\src\\main\\resources\\a\\View.peb"))
                .isEqualTo("C:\\ws\\app\\src\\main\\resources\\a\\View.peb");
    }
}
