package dev.relive.runtime.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.NotFoundException;
import dev.relive.api.QueryParam;
import dev.relive.api.RouteParam;
import dev.relive.api.ViewSession;
import dev.relive.runtime.internal.invoke.FieldBinder;
import dev.relive.runtime.internal.invoke.HandlerInvoker;
import dev.relive.runtime.internal.protocol.ProtocolJson;
import dev.relive.runtime.internal.registry.RouteMatch;
import dev.relive.runtime.internal.registry.StubReference;
import dev.relive.runtime.internal.registry.ViewRegistry;
import dev.relive.runtime.internal.registry.ViewType;
import dev.relive.runtime.internal.render.TemplateRenderer;

/** URL changes within a view (no remount) and flash messages, on a session built by hand; tasks run inline. */
class Issue15UrlStateTest {

    public enum Filter { ALL, OPEN }

    public static class ListView extends LiveView {
        @RouteParam public long list;
        @QueryParam(ifAbsent = "all") public Filter filter;
        public String draft = "";
        public final List<String> seen = new ArrayList<>();

        @Override
        public void urlChanged(ViewSession session) {
            if (list == 13) {
                throw new NotFoundException("no list 13");
            }
            seen.add(session.url());
        }

        @EventHandler
        public void type(String text) {
            draft = text;
        }

        @EventHandler
        public void save(ViewSession session) {
            session.flash("info", "Saved <ok>");
        }

        @EventHandler
        public void saveAndLeave(ViewSession session) {
            session.flash("info", "Saved");
            session.redirect("/elsewhere");
        }

        @EventHandler
        public void showOpen(ViewSession session) {
            session.pushUrl("/lists/" + list + "?filter=open");
        }

        @Override
        public String template() {
            return "<p id=\"f\">{{ filter }} {{ list }}</p><p id=\"d\">{{ draft }}</p>";
        }
    }

    public static class OtherView extends LiveView {
        @Override
        public String template() {
            return "<p>other</p>";
        }
    }

    private final ObjectMapper json = ProtocolJson.newMapper();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<String> sent = new ArrayList<>();
    private final ListView view = new ListView();
    private final ViewType listType = StubReference.typeOf(view, "/lists/{list}");
    private final TabSession session = new TabSession("s1", new BrowserChannel(new Connection() {
        @Override
        public void send(String frame) {
            sent.add(frame);
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

    private RouteMatch list(long id) {
        return new RouteMatch(listType, Map.of("list", Long.toString(id)));
    }

    @Test
    void aUrlChangeWithinTheViewKeepsTheInstanceAndItsOtherFields() throws Exception {
        session.mount(list(1), "/lists/1", Map.of());
        assertThat(view.filter).isEqualTo(Filter.ALL);
        session.event(1, null, "type", json.readTree("{\"text\":\"milk\"}"));

        session.changeUrl(2L, list(2), "/lists/2?filter=open", Map.of("filter", "open"));

        assertThat(session.tree().slot(null).view).isSameAs(view);
        assertThat(view.filter).isEqualTo(Filter.OPEN);
        assertThat(view.list).isEqualTo(2);
        assertThat(view.draft).isEqualTo("milk");
        assertThat(view.seen).containsExactly("/lists/1", "/lists/2?filter=open");
        assertThat(session.tree().url()).isEqualTo("/lists/2?filter=open");
        assertThat(session.params()).containsEntry("filter", "open").containsEntry("list", "2");
        JsonNode patch = json.readTree(sent.get(sent.size() - 1));
        assertThat(patch.path("type").asText()).isEqualTo("patch");
        assertThat(patch.path("ref").asLong()).isEqualTo(2);
        assertThat(patch.toString()).contains("OPEN 2");
    }

    @Test
    void aUrlChangeThatThrowsOrDoesNotConvertLeavesUrlAndFieldsAsTheyWere() throws Exception {
        session.mount(list(1), "/lists/1?filter=open", Map.of("filter", "open"));

        session.changeUrl(2L, list(13), "/lists/13", Map.of());
        session.changeUrl(3L, list(2), "/lists/2?filter=someday", Map.of("filter", "someday"));

        assertThat(view.list).isEqualTo(1);
        assertThat(view.filter).isEqualTo(Filter.OPEN);
        assertThat(session.tree().url()).isEqualTo("/lists/1?filter=open");
        assertThat(json.readTree(sent.get(0)).path("code").asText()).isEqualTo("unknown_route");
        assertThat(json.readTree(sent.get(0)).path("ref").asLong()).isEqualTo(2);
        assertThat(json.readTree(sent.get(1)).path("code").asText()).isEqualTo("bad_params");
        assertThat(json.readTree(sent.get(1)).path("ref").asLong()).isEqualTo(3);
    }

    @Test
    void aFlashShowsEscapedAtOnceSurvivesOneNavigationAndThenGoes() throws Exception {
        ViewType other = StubReference.typeOf(new OtherView(), "/other");
        session.mount(list(1), "/lists/1", Map.of());
        session.event(1, null, "save", json.readTree("{}"));
        assertThat(sent.get(0)).contains("rl-flash", "Saved &lt;ok&gt;");

        String afterOne = session.navigate(new RouteMatch(other, Map.of()), "/other", Map.of());
        assertThat(afterOne).startsWith("<div id=\"rl-flash\"><p class=\"rl-flash-info\" role=\"status\">Saved &lt;ok&gt;</p></div>");

        String afterTwo = session.navigate(list(1), "/lists/1", Map.of());
        assertThat(afterTwo).doesNotContain("rl-flash");
    }

    @Test
    void aFlashCarriedAcrossAPageLoadGoesAtTheNextNavigation() {
        session.tree().flash().carried(Map.of("error", "Not allowed"));
        assertThat(session.mount(list(1), "/lists/1", Map.of())).contains("role=\"alert\">Not allowed");
        assertThat(session.navigate(list(2), "/lists/2", Map.of())).doesNotContain("rl-flash");
    }

    @Test
    void aRedirectCarriesTheFlashSetSinceTheLastNavigation() throws Exception {
        session.mount(list(1), "/lists/1", Map.of());
        session.event(1, null, "saveAndLeave", json.readTree("{}"));
        assertThat(sent).anySatisfy(f -> assertThat(f)
                .isEqualTo("{\"type\":\"redirect\",\"url\":\"/elsewhere\",\"flash\":{\"info\":\"Saved\"}}"));
    }

    @Test
    void pushUrlAsksTheBrowserForTheChangeAndRefusesOtherSites() throws Exception {
        session.mount(list(4), "/lists/4", Map.of());
        session.event(1, null, "showOpen", json.readTree("{}"));
        assertThat(sent).contains("{\"type\":\"push-url\",\"url\":\"/lists/4?filter=open\",\"replace\":false}");
        ViewSession viewSession = new TabViewSession(session, null, m -> { });
        for (String url : List.of("//evil.example/", "https://evil.example/", "javascript:alert(1)", "lists")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> viewSession.pushUrl(url)).as(url)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> viewSession.flash("Info!", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
