package dev.relive.hvr.internal.save;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.relive.hvr.internal.HvrStatus;
import dev.relive.runtime.spi.HvrError;
import dev.relive.runtime.spi.LiveSession;
import dev.relive.runtime.spi.LiveSessions;
import dev.relive.runtime.spi.ReloadReason;
import dev.relive.runtime.spi.SwapOutcome;

/** {@code hvr:status} records a session's reload against the view it is about, not against every view of the page. */
class Issue13SwapReportTest {

    private static final String PAGE = "app.DashboardView";
    private static final String CHILD = "app.BadgeView";

    private final LiveSession tab = (LiveSession) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {LiveSession.class}, (proxy, method, args) -> switch (method.getName()) {
                case "id" -> "tab-1";
                case "renders" -> true;
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> null;
            });
    private final LiveSessions sessions = new OneTabSessions(tab);
    private final HvrStatus status = new HvrStatus();
    private final SwapReport report = new SwapReport(Set.of(CHILD), new BrowserNotices(sessions, status), status);

    @Test
    void aChildsReloadReasonIsTheChildsAndThePageSaysItReloadedWithIt() {
        ReloadReason reason = ReloadReason.parse("handler_removed:dismiss");

        assertThat(report.add(new SwapOutcome(tab, List.of(PAGE, CHILD), reason, CHILD))).isNull();

        assertThat(status.views().get(CHILD).lastOutcome()).isEqualTo("reload: " + reason);
        assertThat(status.views().get(PAGE).lastOutcome())
                .isEqualTo("reload: with its page (" + CHILD + ": " + reason + ")");
    }

    @Test
    void aChildsFieldNotCarriedIsRecordedForTheChildAndNamedWithItsClassWhereThePageIsNamed() {
        SwapReport both = new SwapReport(Set.of(PAGE, CHILD), new BrowserNotices(sessions, status), status);
        SwapOutcome outcome = new SwapOutcome(tab, List.of(PAGE, CHILD),
                Map.of(PAGE, List.of("filter"), CHILD, List.of("likes")));

        assertThat(both.add(outcome)).isEqualTo(PAGE);
        both.finish();

        assertThat(status.views().get(CHILD).lastOutcome()).isEqualTo("swapped; dropped [likes]");
        assertThat(status.views().get(PAGE).lastOutcome()).isEqualTo("swapped; dropped [filter]");
        assertThat(SwapReport.droppedAsSeenBy(outcome, PAGE)).containsExactlyInAnyOrder("filter", "BadgeView#likes");
        assertThat(SwapReport.droppedAsSeenBy(outcome, CHILD)).containsExactlyInAnyOrder("DashboardView#filter",
                "likes");
    }

    @Test
    void issue13AfterAnOverlayTheViewWhoseClassChangedIsNamedNotThePages() {
        BrowserNotices notices = new BrowserNotices(sessions, status);
        notices.templateRefused("app", "app/BadgeView.peb",
                new HvrError("app", "app/BadgeView.peb", 3, 0, "Unexpected \"}\""));
        notices.mounted(tab); // the page shows that template's overlay
        SwapReport afterFix = new SwapReport(Set.of(CHILD), notices, status);

        assertThat(afterFix.add(new SwapOutcome(tab, List.of(PAGE, CHILD), Map.of()))).isEqualTo(CHILD);
    }

    @Test
    void aReasonWithoutItsViewIsThePagesView() {
        ReloadReason reason = ReloadReason.of(ReloadReason.Code.CLASS_REMOVED);

        report.add(new SwapOutcome(tab, List.of(PAGE, CHILD), reason));

        assertThat(status.views().get(PAGE).lastOutcome()).isEqualTo("reload: " + reason);
        assertThat(status.views().get(CHILD).lastOutcome()).startsWith("reload: with its page (" + PAGE);
    }
}
