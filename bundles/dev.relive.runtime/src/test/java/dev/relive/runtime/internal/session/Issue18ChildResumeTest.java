package dev.relive.runtime.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.ViewSession;
import dev.relive.runtime.internal.cluster.MemoryStateStore;
import dev.relive.runtime.internal.cluster.StateWriter;
import dev.relive.runtime.internal.invoke.FieldBinder;
import dev.relive.runtime.internal.invoke.HandlerInvoker;
import dev.relive.runtime.internal.protocol.ProtocolJson;
import dev.relive.runtime.internal.registry.RouteMatch;
import dev.relive.runtime.internal.registry.StubReference;
import dev.relive.runtime.internal.registry.ViewRegistry;
import dev.relive.runtime.internal.registry.ViewType;
import dev.relive.runtime.internal.render.TemplateRenderer;
import dev.relive.runtime.internal.topics.LocalPresence;
import dev.relive.runtime.internal.topics.LocalTopics;

/** A resumed page gives its child views their stored state too, instead of mounting them. */
class Issue18ChildResumeTest {

    static final AtomicInteger CHILD_MOUNTS = new AtomicInteger();

    public static class PageView extends LiveView {
        public String title = "untitled";
        public String counter = CounterChild.class.getName();

        @EventHandler
        public void rename(String to) {
            title = to;
        }

        @Override
        public String template() {
            return "<h1>{{ title }}</h1>{{ child(\"c1\", counter, {}) }}";
        }
    }

    public static class CounterChild extends LiveView {
        public int count;

        @Override
        public void mount(Map<String, String> params, ViewSession session) {
            CHILD_MOUNTS.incrementAndGet();
        }

        @EventHandler
        public void inc() {
            count++;
        }

        @Override
        public String template() {
            return "<b>{{ count }}</b>";
        }
    }

    private final ObjectMapper json = ProtocolJson.newMapper();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final LocalTopics topics = new LocalTopics();
    private final Messaging messaging = new Messaging(topics, new LocalPresence(topics), 8);
    private final MemoryStateStore store = new MemoryStateStore();
    private final StateWriter writer = new StateWriter(0, 300, 262144, reference -> Set.of());
    private final ViewRegistry registry = new ViewRegistry(null) {
        @Override
        public Optional<ViewType> byClassName(String className) {
            return className.equals(CounterChild.class.getName()) ? Optional.of(counters()) : Optional.empty();
        }
    };

    @AfterEach
    void stop() {
        writer.stop();
        timer.shutdownNow();
    }

    @Test
    void theChildOfAResumedPageGetsItsCountBackWithoutAMount() throws Exception {
        writer.setStore(store);
        TabSession first = tab("s1", "key-of-the-first-tab-0001");
        first.submit(() -> first.mount(match(new PageView()), "/page", Map.of()));
        first.event(1, null, "rename", json.readTree("{\"to\":\"kept\"}"));
        first.event(2, "c1", "inc", json.readTree("{}"));
        first.event(3, "c1", "inc", json.readTree("{}"));
        store.await("the child's count written", () -> store.text("key-of-the-first-tab-0001").contains("\"count\":2"));
        first.close();
        int mounts = CHILD_MOUNTS.get();

        TabSession second = tab("s2", "key-of-the-second-tab-001");
        String html = second.cluster().resume("key-of-the-first-tab-0001", match(new PageView()), "/page", Map.of())
                .orElseThrow();

        assertThat(html).contains("<h1>kept</h1>", "<b>2</b>");
        assertThat(CHILD_MOUNTS.get()).isEqualTo(mounts);
        assertThat(((CounterChild) second.tree().slot("c1").view).count).isEqualTo(2);
    }

    private static RouteMatch match(PageView view) {
        return new RouteMatch(StubReference.typeOf(view, "/page"), Map.of());
    }

    private static ViewType counters() {
        StubReference reference = new StubReference(CounterChild.class.getName());
        return new ViewType(reference, new ServiceObjects<>() {
            @Override
            public LiveView getService() {
                return new CounterChild();
            }

            @Override
            public void ungetService(LiveView service) {
            }

            @Override
            public ServiceReference<LiveView> getServiceReference() {
                return reference;
            }
        }, null, CounterChild.class.getName());
    }

    private TabSession tab(String id, String key) {
        TabSession tab = new TabSession(id, new BrowserChannel(new Connection() {
            @Override
            public void send(String frame) {
            }

            @Override
            public void close(int status, String reason) {
            }
        }, false), new ViewWorkerBudget(Runnable::run, 1), timer, new TemplateRenderer(), registry,
                new HandlerInvoker(json), new FieldBinder(json), messaging);
        tab.joinCluster(new ClusterTab(tab, writer), key);
        return tab;
    }
}
