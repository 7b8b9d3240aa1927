package dev.relive.runtime.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.User;
import dev.relive.api.ViewSession;
import dev.relive.runtime.cluster.SessionStateStore;
import dev.relive.runtime.internal.cluster.MemoryStateStore;
import dev.relive.runtime.internal.cluster.StateWriter;
import dev.relive.runtime.internal.invoke.FieldBinder;
import dev.relive.runtime.internal.invoke.HandlerInvoker;
import dev.relive.runtime.internal.protocol.ProtocolJson;
import dev.relive.runtime.internal.registry.RouteMatch;
import dev.relive.runtime.internal.registry.StubReference;
import dev.relive.runtime.internal.registry.ViewRegistry;
import dev.relive.runtime.internal.render.TemplateRenderer;
import dev.relive.runtime.internal.topics.LocalPresence;
import dev.relive.runtime.internal.topics.LocalTopics;

/** A tab's state is written behind its events to a cluster's store, and a tab this member never saw resumes it. */
class Issue18StateStoreTest {

    static final AtomicInteger MOUNTS = new AtomicInteger();

    public static class NotesView extends LiveView {
        public int count;
        public String draft = "";
        public List<String> lines = new ArrayList<>();
        private ViewSession session;

        @Override
        public void mount(Map<String, String> params, ViewSession session) {
            this.session = session;
            MOUNTS.incrementAndGet();
            session.subscribe("notes");
            session.track("notes", Map.of("name", "ada"));
        }

        @EventHandler
        public void add(String text) {
            lines.add(text);
            count++;
        }

        @Override
        public void message(String topic, Object message) {
            lines.add(topic + ":" + message + ":" + session.id());
        }

        @Override
        public String template() {
            return "<p>{{ count }} {{ draft }}</p><ul>{% for l in lines %}<li>{{ l }}</li>{% endfor %}</ul>";
        }
    }

    /** A view holding a value that does not serialize (an array holding itself). */
    public static class LoopView extends LiveView {
        public Object[] loop = new Object[1];

        @Override
        public void mount(Map<String, String> params, ViewSession session) {
            loop[0] = loop;
        }

        @Override
        public String template() {
            return "<p>loop</p>";
        }
    }

    private final ObjectMapper json = ProtocolJson.newMapper();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final LocalTopics topics = new LocalTopics();
    private final Messaging messaging = new Messaging(topics, new LocalPresence(topics), 8);
    private final MemoryStateStore store = new MemoryStateStore();
    private final StateWriter writer = new StateWriter(0, 300, 262144, reference -> Set.of());
    private final List<String> sent = new ArrayList<>();

    @AfterEach
    void stop() {
        writer.stop();
        timer.shutdownNow();
    }

    @Test
    void aTabsEventsAreWrittenBehindWithItsViewsFieldsPageAndTopics() throws Exception {
        writer.setStore(store);
        TabSession tab = tab("s1", "key-of-the-first-tab-0001");
        mount(tab, new NotesView());
        tab.cluster().changed();
        store.await("written after the mount", () -> store.text("key-of-the-first-tab-0001").contains("\"count\":0"));
        tab.event(1, null, "add", json.readTree("{\"text\":\"one\"}"));

        store.await("written after the event", () -> store.text("key-of-the-first-tab-0001").contains("\"count\":1"));
        assertThat(store.text("key-of-the-first-tab-0001")).contains("\"session\":\"s1\"", "\"url\":\"/notes?x=1\"", "\"route\":\"/notes\"",
                "\"count\":1", "\"lines\":[\"one\"]", "\"subscribed\":[\"notes\"]", "\"name\":\"ada\"");
        assertThat(store.lastTtl.toSeconds()).isEqualTo(300);
    }

    @Test
    void aTabIsWrittenAtMostOncePerDelayHoweverManyItsEvents() throws Exception {
        StateWriter slow = slowWriter();
        slow.setStore(store);
        TabSession tab = new TabSession("s1", new BrowserChannel(connection(), false),
                new ViewWorkerBudget(Runnable::run, 1), timer, new TemplateRenderer(), new ViewRegistry(null),
                new HandlerInvoker(json), new FieldBinder(json), messaging);
        tab.joinCluster(new ClusterTab(tab, slow), "key-of-the-first-tab-0001");
        mount(tab, new NotesView());
        tab.cluster().changed();
        store.await("written once", () -> store.puts.get() == 1);

        for (int i = 0; i < 50; i++) {
            tab.event(i, null, "add", json.readTree("{\"text\":\"n" + i + "\"}"));
        }

        assertThat(store.puts.get()).isEqualTo(1); // the next write is due a minute after the first
        slow.stop();
    }

    @Test
    void aStateThatDoesNotSerializeRemovesTheEntryInsteadOfFailing() throws Exception {
        writer.setStore(store);
        store.entries.put("key-of-the-first-tab-0001", new byte[] {1});
        TabSession tab = tab("s1", "key-of-the-first-tab-0001");
        mount(tab, new LoopView());

        tab.cluster().changed();

        store.await("the entry removed", store.entries::isEmpty);
        assertThat(store.puts.get()).isZero();
    }

    @Test
    void aStateOverTheSizeCapIsNotStored() throws Exception {
        StateWriter small = new StateWriter(0, 300, 200, reference -> Set.of());
        small.setStore(store);
        TabSession tab = tab("s1", "key-of-the-first-tab-0001");
        tab.joinCluster(new ClusterTab(tab, small), "key-of-the-first-tab-0001");
        mount(tab, new NotesView());

        tab.cluster().changed();

        store.await("the entry removed", () -> store.removes.get() > 0);
        assertThat(store.puts.get()).isZero();
        small.stop();
    }

    @Test
    void aTabClosedByItsBrowserTakesItsEntryAlongAndADroppedConnectionLeavesIt() throws Exception {
        writer.setStore(store);
        TabSession dropped = written("s1", "key-of-the-dropped-tab-001");
        TabSession left = written("s2", "key-of-the-closed-tab-0001");

        dropped.cluster().closed();
        left.cluster().leave();
        left.cluster().closed();

        store.await("the closed tab's entry removed", () -> !store.entries.containsKey("key-of-the-closed-tab-0001"));
        assertThat(store.entries).containsKey("key-of-the-dropped-tab-001");
    }

    @Test
    void aGracefulStopWritesTheChangedTabsAtOnceAndKeepsTheirEntriesAsTheirSocketsClose() throws Exception {
        StateWriter slow = slowWriter();
        TabSession tab = writtenOnce(slow);
        for (int i = 0; i < 5; i++) {
            tab.event(i, null, "add", json.readTree("{\"text\":\"n" + i + "\"}"));
        }

        slow.retire(java.time.Duration.ofSeconds(30));
        tab.cluster().leave(); // the stop closes the socket as a browser closing the tab would
        tab.cluster().closed();

        assertThat(store.text("key-of-the-first-tab-0001")).contains("\"count\":5");
        assertThat(store.entries).containsKey("key-of-the-first-tab-0001");
        assertThat(store.removes.get()).isZero();
        slow.stop();
    }

    @Test
    void aGracefulStopDuringAWriteWaitsForItAndStoresTheLatestState() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger puts = new AtomicInteger();
        SessionStateStore slowStore = new SessionStateStore() {
            @Override
            public void put(String key, byte[] state, Duration ttl) {
                if (puts.incrementAndGet() == 1) {
                    try {
                        release.await(30, TimeUnit.SECONDS); // the store is slow to take the first write
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                store.put(key, state, ttl);
            }

            @Override
            public Optional<byte[]> get(String key) {
                return store.get(key);
            }

            @Override
            public void remove(String key) {
                store.remove(key);
            }
        };
        StateWriter slow = slowWriter();
        slow.setStore(slowStore);
        TabSession tab = mountedWith(slow);
        tab.event(1, null, "add", json.readTree("{\"text\":\"one\"}"));
        store.await("the event's write begun", () -> puts.get() == 1);

        timer.schedule(release::countDown, 300, TimeUnit.MILLISECONDS);
        slow.retire(Duration.ofSeconds(30));

        // the write under way was not left to the scheduler, which the stop ends right after
        assertThat(store.text("key-of-the-first-tab-0001")).contains("\"count\":1");
        slow.stop();
    }

    @Test
    void aDroppedConnectionWritesTheChangesNotWrittenYetBeforeTheTabCloses() throws Exception {
        StateWriter slow = slowWriter();
        TabSession tab = writtenOnce(slow);
        tab.event(1, null, "add", json.readTree("{\"text\":\"one\"}")); // its write is due a minute later

        tab.hold(); // the tab is busy: the drop's capture runs after the close has ended its topics
        tab.cluster().closing(); // the connection dropped: the browser may resume it, here or elsewhere
        tab.close();
        tab.cluster().closed();
        tab.release();

        store.await("the event written", () -> store.text("key-of-the-first-tab-0001").contains("\"count\":1"));
        assertThat(store.text("key-of-the-first-tab-0001")).as("its topics and presence as they were")
                .contains("\"subscribed\":[\"notes\"]", "\"name\":\"ada\"");
        assertThat(store.removes.get()).isZero();
        slow.stop();
    }

    @Test
    void withoutAStoreNothingIsWrittenAndNoKeyIsSent() {
        TabSession tab = tab("s1", "key-of-the-first-tab-0001");
        mount(tab, new NotesView());

        tab.cluster().changed();

        assertThat(writer.active()).isFalse();
        assertThat(tab.mountedFrame(null, "", null, 0)).doesNotContain("resume");
    }

    // ---- resume

    @Test
    void aTabThisMemberNeverSawResumesWithItsFieldsIdSubscriptionsAndPresenceWithoutAMount() throws Exception {
        writer.setStore(store);
        TabSession first = written("s1", "key-of-the-first-tab-0001");
        first.close(); // the member that served it is gone
        int mounts = MOUNTS.get();

        NotesView resumed = new NotesView();
        TabSession second = tab("s2", "key-of-the-second-tab-001");
        String html = resume(second, resumed, "key-of-the-first-tab-0001", null).orElseThrow();

        assertThat(html).contains("<li>one</li>");
        assertThat(resumed.count).isEqualTo(1);
        assertThat(MOUNTS.get()).isEqualTo(mounts);
        assertThat(second.id()).isEqualTo("s1");
        assertThat(second.resumeKey()).isEqualTo("key-of-the-first-tab-0001");
        assertThat(second.mountedFrame(null, html, null, 0)).contains("\"session\":\"s1\"",
                "\"resume\":\"key-of-the-first-tab-0001\"");
        topics.publish("notes", "hi");
        assertThat(resumed.lines).containsExactly("one", "notes:hi:s1");
        assertThat(messaging.presence().list("notes")).extracting(e -> e.key()).containsExactly("s1");
    }

    @Test
    void aResumeOnThisMemberEndsTheStaleConnectionOfTheSameTabAndKeepsWritingTheNewOne() throws Exception {
        writer.setStore(store);
        TabSession stale = written("s1", "key-of-the-first-tab-0001"); // its drop not seen yet

        TabSession second = tab("s2", "key-of-the-second-tab-001");
        NotesView resumed = new NotesView();
        resume(second, resumed, "key-of-the-first-tab-0001", null).orElseThrow();
        stale.close(); // the stale socket's end, seen at last

        assertThat(stale.isClosed()).isTrue();
        assertThat(messaging.presence().list("notes")).extracting(e -> e.key()).containsExactly("s1");
        assertThat(topics.subscriberCount("notes")).isEqualTo(1);
        second.event(2, null, "add", json.readTree("{\"text\":\"two\"}"));
        store.await("the resumed tab written", () -> store.text("key-of-the-first-tab-0001").contains("\"count\":2"));
    }

    @Test
    void aStateStoredForAnotherUserIsNotResumed() throws Exception {
        writer.setStore(store);
        written("s1", "key-of-the-first-tab-0001");

        TabSession other = tab("s2", "key-of-the-second-tab-001");
        other.identify(new User("bob", "Bob", Set.of()), "");

        assertThat(resume(other, new NotesView(), "key-of-the-first-tab-0001", null)).isEmpty();
        assertThat(other.id()).isEqualTo("s2");
        assertThat(other.tree().mounted()).isFalse();
    }

    @Test
    void aStateStoredForAnotherPageOrViewIsNotResumed() throws Exception {
        writer.setStore(store);
        written("s1", "key-of-the-first-tab-0001");

        assertThat(resume(tab("s2", "key-of-the-second-tab-001"), new NotesView(), "key-of-the-first-tab-0001",
                "/notes?x=2")).isEmpty();
        assertThat(resume(tab("s3", "key-of-the-third-tab-0001"), new LoopView(), "key-of-the-first-tab-0001",
                null)).isEmpty();
    }

    @Test
    void anAbsentExpiredOrUnreadableEntryIsNotResumed() throws Exception {
        writer.setStore(store);
        store.entries.put("key-of-a-garbled-entry-01", "{\"format\":1".getBytes(StandardCharsets.UTF_8));

        assertThat(resume(tab("s2", "key-of-the-second-tab-001"), new NotesView(), "key-never-written-000001",
                null)).isEmpty();
        assertThat(resume(tab("s3", "key-of-the-third-tab-0001"), new NotesView(), "key-of-a-garbled-entry-01",
                null)).isEmpty();
    }

    @Test
    void aStoredFieldTheNewClassCannotTakeAbandonsTheResume() throws Exception {
        writer.setStore(store);
        written("s1", "key-of-the-first-tab-0001");
        String entry = new String(store.entries.get("key-of-the-first-tab-0001"), StandardCharsets.UTF_8);
        store.entries.put("key-of-the-first-tab-0001",
                entry.replace("\"count\":1", "\"count\":\"not a number\"").getBytes(StandardCharsets.UTF_8));

        TabSession second = tab("s2", "key-of-the-second-tab-001");
        assertThat(resume(second, new NotesView(), "key-of-the-first-tab-0001", null)).isEmpty();
        assertThat(second.id()).isEqualTo("s2");
        assertThat(second.tree().mounted()).isFalse();
        assertThat(topics.subscriberCount("notes")).isZero(); // the first tab's connection, stale, ended; none made
    }

    /** A writer that writes a tab a minute after its change, so that only what a test does writes it sooner. */
    private static StateWriter slowWriter() {
        return new StateWriter(60_000, 300, 262144, reference -> Set.of());
    }

    /** A tab mounted on a {@link NotesView}, written by {@code writer} to the store once, its write then done. */
    private TabSession writtenOnce(StateWriter writer) throws Exception {
        writer.setStore(store);
        TabSession tab = mountedWith(writer);
        tab.cluster().changed();
        store.await("written once", () -> store.puts.get() == 1);
        return tab;
    }

    /** A tab mounted on a {@link NotesView}, written by {@code writer}. */
    private TabSession mountedWith(StateWriter writer) {
        TabSession tab = tab("s1", "key-of-the-first-tab-0001");
        tab.joinCluster(new ClusterTab(tab, writer), "key-of-the-first-tab-0001");
        mount(tab, new NotesView());
        return tab;
    }

    /** A tab mounted at /notes?x=1 with one event, its state written. */
    private TabSession written(String id, String key) throws Exception {
        int before = store.puts.get();
        TabSession tab = tab(id, key);
        mount(tab, new NotesView());
        tab.event(1, null, "add", json.readTree("{\"text\":\"one\"}"));
        store.await("the event written", () -> store.text(key).contains("\"count\":1"));
        assertThat(store.puts.get()).isGreaterThan(before);
        return tab;
    }

    private java.util.Optional<String> resume(TabSession tab, LiveView view, String key, String url) {
        String at = url == null ? "/notes?x=1" : url;
        return tab.cluster().resume(key, new RouteMatch(StubReference.typeOf(view, "/notes"), Map.of()), at,
                Map.of("x", at.substring(at.indexOf('=') + 1)));
    }

    private static void mount(TabSession tab, LiveView view) {
        tab.submit(() -> tab.mount(new RouteMatch(StubReference.typeOf(view, "/notes"), Map.of()), "/notes?x=1",
                Map.of("x", "1")));
    }

    private TabSession tab(String id, String key) {
        TabSession tab = new TabSession(id, new BrowserChannel(connection(), false),
                new ViewWorkerBudget(Runnable::run, 1), timer, new TemplateRenderer(), new ViewRegistry(null),
                new HandlerInvoker(json), new FieldBinder(json), messaging);
        tab.joinCluster(new ClusterTab(tab, writer), key);
        return tab;
    }

    private Connection connection() {
        return new Connection() {
            @Override
            public void send(String frame) {
                synchronized (sent) {
                    sent.add(frame);
                }
            }

            @Override
            public void close(int status, String reason) {
            }
        };
    }
}
