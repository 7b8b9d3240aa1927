package dev.relive.runtime.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.api.User;
import dev.relive.api.ViewSession;
import dev.relive.runtime.internal.invoke.FieldBinder;
import dev.relive.runtime.internal.invoke.HandlerInvoker;
import dev.relive.runtime.internal.protocol.ProtocolJson;
import dev.relive.runtime.internal.registry.ViewRegistry;
import dev.relive.runtime.internal.render.TemplateRenderer;

/** A tab's root view sees the user and CSRF token the tab was identified with, as its child views do. */
class Issue16TabViewSessionUserTest {

    private final ObjectMapper json = ProtocolJson.newMapper();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final TabSession tab = new TabSession("s", new BrowserChannel(new Connection() {
        @Override
        public void send(String frame) {
        }

        @Override
        public void close(int status, String reason) {
        }
    }, false), new ViewWorkerBudget(Runnable::run, 1), timer, new TemplateRenderer(), new ViewRegistry(null),
            new HandlerInvoker(json), new FieldBinder(json));

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void theRootViewsSessionCarriesTheTabsUserAndCsrfToken() {
        User alice = new User("alice", "Alice", Set.of("user"));
        tab.identify(alice, "csrf-of-alice");
        ViewSession root = new TabViewSession(tab, null, m -> { });

        assertThat(root.user()).contains(alice);
        assertThat(root.csrfToken()).isEqualTo("csrf-of-alice");
        assertThat(new TabViewSession(tab, null, m -> { }).user()).contains(alice);
    }

    @Test
    void aTabOfNobodyHasNoUserAndNoToken() {
        tab.identify(null, "");
        ViewSession root = new TabViewSession(tab, null, m -> { });

        assertThat(root.user()).isEmpty();
        assertThat(root.csrfToken()).isEmpty();
    }
}
