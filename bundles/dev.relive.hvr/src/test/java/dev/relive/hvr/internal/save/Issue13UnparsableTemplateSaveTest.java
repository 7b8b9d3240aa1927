package dev.relive.hvr.internal.save;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.osgi.framework.Bundle;

import dev.relive.hvr.internal.HvrStatus;
import dev.relive.hvr.internal.build.CompileError;
import dev.relive.hvr.internal.watch.ChangeSet;
import dev.relive.runtime.spi.HvrError;
import dev.relive.runtime.spi.LiveSession;
import dev.relive.runtime.spi.LiveSessions;

/**
 * A saved template that does not parse is not put in place: the last one that did stays live (the page renders and
 * answers as before), and every tab rendering it is shown where it fails, as after a compile error. The next save
 * that parses is re-rendered as usual.
 */
class Issue13UnparsableTemplateSaveTest {

    private static final String BSN = "app";
    private static final String PATH = "a/View.peb";

    @TempDir
    Path project;

    private final List<String> calls = new ArrayList<>();
    private boolean renderFails;
    private final List<HvrError> shown = new ArrayList<>();
    private final LiveSession tab = (LiveSession) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {LiveSession.class}, (proxy, method, args) -> {
                calls.add(method.getName());
                return switch (method.getName()) {
                    case "id" -> "tab-1";
                    case "renders" -> BSN.equals(args[0]) && PATH.equals(args[1]);
                    case "slots" -> List.of();
                    case "showError" -> shown.add((HvrError) args[0]);
                    case "rerender" -> {
                        if (renderFails && args.length == 2) {
                            ((java.util.function.Consumer<String>) args[1]).accept("View.peb, line 2: Could not call "
                                    + "summary: IllegalStateException: too many");
                        }
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                };
            });
    private final LiveSessions sessions = new OneTabSessions(tab, (bundleSymbolicName, path, text) ->
            text.contains("{{ count <")
                    ? Optional.of(new HvrError(bundleSymbolicName, path, 3, 0, path + ", line 3: Unexpected end"))
                    : Optional.empty());
    private final TemplateOverrides templates = new TemplateOverrides();
    private final HvrStatus status = new HvrStatus();
    private final BrowserNotices notices = new BrowserNotices(sessions, status);
    private final TemplateSave save = new TemplateSave(sessions, status, templates, notices);

    @Test
    void theLastTemplateThatParsedStaysLiveAndTheTabIsShownWhereTheNewOneFails() throws Exception {
        Path file = project.resolve("src/main/resources/" + PATH);
        Files.createDirectories(file.getParent());
        templates.put(BSN, PATH, "<p>{{ count }}</p>");

        Files.writeString(file, "<p>\n\n{{ count </p>");
        save.apply(new ChangeSet(project, Set.of(file), Set.of()), BSN, new SaveTimeline(System.nanoTime()));

        assertThat(templates.template(BSN, PATH)).isEqualTo("<p>{{ count }}</p>");
        assertThat(shown).singleElement().satisfies(error -> {
            assertThat(error.bundle()).isEqualTo(BSN);
            assertThat(error.file()).isEqualTo(file.toString());
            assertThat(error.line()).isEqualTo(3);
        });
        assertThat(calls).doesNotContain("hold", "rerender");
        assertThat(status.changes().count()).as("an error page is not reloaded for a save that changed nothing")
                .isZero();

        // a tab loaded meanwhile (a new one, a reload) renders the last good template and is shown the error too
        notices.mounted(tab);
        assertThat(shown).hasSize(2);
        assertThat(shown.get(1)).isEqualTo(shown.get(0));

        Files.writeString(file, "<p>{{ count }}!</p>");
        save.apply(new ChangeSet(project, Set.of(file), Set.of()), BSN, new SaveTimeline(System.nanoTime()));

        assertThat(templates.template(BSN, PATH)).isEqualTo("<p>{{ count }}!</p>");
        assertThat(calls).contains("rerender");
        assertThat(status.changes().count()).as("an error page reloads once a template save applied").isOne();
        notices.mounted(tab);
        assertThat(shown).as("no error once the template parses").hasSize(2);
    }

    @Test
    void aTemplateSaveWhileTheJavaCodeDoesNotBuildLeavesTheFailedBuildOnRecord() throws Exception {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> BSN;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
        Path source = project.resolve("src/main/java/a/View.java");
        notices.buildFailed(bundle, Set.of(bundle), List.of(new CompileError(source, 12, 5, "';' expected")),
                new SaveTimeline(System.nanoTime()));
        Path file = project.resolve("src/main/resources/" + PATH);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "<p>{{ count }} more</p>");

        save.apply(new ChangeSet(project, Set.of(file), Set.of()), BSN, new SaveTimeline(System.nanoTime()));

        assertThat(templates.template(BSN, PATH)).isEqualTo("<p>{{ count }} more</p>");
        assertThat(status.builds().get(BSN).ok()).as("hvr:status still says the Java code does not build").isFalse();
        assertThat(status.builds().get(BSN).summary()).contains("View.java:12", "';' expected");
    }

    @Test
    void aTemplateSaveWhoseRenderFailsIsRecordedSoInHvrStatus() throws Exception {
        Path file = project.resolve("src/main/resources/" + PATH);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "<p>\n{{ view.summary() }}</p>");
        renderFails = true;

        save.apply(new ChangeSet(project, Set.of(file), Set.of()), BSN, new SaveTimeline(System.nanoTime()));

        assertThat(status.views().values()).singleElement().satisfies(view -> assertThat(view.lastOutcome())
                .startsWith("render failed: View.peb, line 2: Could not call summary"));
    }
}
