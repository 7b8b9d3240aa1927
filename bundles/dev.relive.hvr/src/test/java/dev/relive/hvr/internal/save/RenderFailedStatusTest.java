package dev.relive.hvr.internal.save;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.relive.api.LiveView;
import dev.relive.hvr.internal.HvrStatus;
import dev.relive.hvr.internal.watch.ChangeSet;
import dev.relive.runtime.spi.LiveSession;
import dev.relive.runtime.spi.SwapOutcome;
import dev.relive.runtime.spi.ViewSlot;

/**
 * {@code hvr:status} says a view's page failed to render only until that page renders again: a later save of another
 * view of the page (its child's template put back, its child's class fixed) clears it, and a render that fails again
 * records it again.
 */
class RenderFailedStatusTest {

    static final class PageView extends LiveView {
    }

    static final class PanelView extends LiveView {
    }

    private static final String PAGE = PageView.class.getName();
    private static final String PANEL = PanelView.class.getName();
    private static final String BSN = "app";
    private static final String PATH = "a/View.peb";

    @TempDir
    Path project;

    private boolean renderFails;
    private final LiveSession tab = (LiveSession) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {LiveSession.class}, (proxy, method, args) -> switch (method.getName()) {
                case "id" -> "tab-1";
                case "renders" -> true;
                case "slots" -> List.of(new ViewSlot(null, new PageView(), null),
                        new ViewSlot("panel", new PanelView(), null));
                case "rerender" -> {
                    if (renderFails && args.length == 2) {
                        @SuppressWarnings("unchecked")
                        Consumer<String> failed = (Consumer<String>) args[1];
                        failed.accept("Panel has no template");
                    }
                    yield null;
                }
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> null;
            });
    private final OneTabSessions sessions = new OneTabSessions(tab);
    private final HvrStatus status = new HvrStatus();
    private final BrowserNotices notices = new BrowserNotices(sessions, status);

    @Test
    void aTemplateSaveThatRendersThePageAgainClearsItsViewsRenderFailures() throws Exception {
        notices.renderFailed(PANEL, "Panel has no template");
        assertThat(status.views().get(PANEL).lastOutcome()).startsWith("render failed: Panel has no template");
        Path file = project.resolve("src/main/resources/" + PATH);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "<p>back</p>");
        TemplateSave save = new TemplateSave(sessions, status, new TemplateOverrides(), notices);

        save.apply(new ChangeSet(project, Set.of(file), Set.of()), BSN, new SaveTimeline(System.nanoTime()));

        assertThat(status.views().get(PANEL).lastOutcome()).isEqualTo("rendered again");

        renderFails = true;
        save.apply(new ChangeSet(project, Set.of(file), Set.of()), BSN, new SaveTimeline(System.nanoTime()));

        assertThat(status.views().values()).anySatisfy(view -> assertThat(view.lastOutcome())
                .startsWith("render failed: Panel has no template"));
    }

    @Test
    void aSwapOfTheChildClearsThePagesRenderFailure() {
        notices.renderFailed(PAGE, "Panel has no template");
        SwapReport report = new SwapReport(Set.of(PANEL), notices, status);

        assertThat(report.add(new SwapOutcome(tab, List.of(PAGE, PANEL), Map.of()))).isEqualTo(PANEL);

        assertThat(status.views().get(PAGE).lastOutcome()).isEqualTo("rendered again");
        assertThat(status.views().get(PANEL).lastOutcome()).isEqualTo("swapped");
    }
}
