package dev.relive.runtime.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.relive.api.User;
import dev.relive.api.security.WebSession;
import dev.relive.runtime.internal.topics.LocalTopics;

/** The in-memory session store's limits, and which page tokens a socket may mount by its cookie. */
class Issue16BrowserSessionsTest {

    private static final class StepClock extends Clock {
        long millis;

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void anIdleSessionEndsAndAUsedOneLivesOn() {
        StepClock clock = new StepClock();
        MemorySessionStore store = new MemorySessionStore(1000, 100, clock);
        store.put(new WebSession("a", "csrf-a", null, 0));
        store.put(new WebSession("b", "csrf-b", null, 0));
        clock.millis = 900;
        assertThat(store.find("a")).isPresent();
        clock.millis = 1500;
        assertThat(store.find("a")).as("used at 900").isPresent();
        assertThat(store.find("b")).as("idle since 0").isEmpty();
    }

    @Test
    void beyondTheCapTheLeastRecentlyUsedSessionEnds() {
        StepClock clock = new StepClock();
        MemorySessionStore store = new MemorySessionStore(60_000, 3, clock);
        for (String id : List.of("a", "b", "c")) {
            store.put(new WebSession(id, "t", null, 0));
        }
        store.find("a");
        store.put(new WebSession("d", "t", null, 0));
        assertThat(store.size()).isEqualTo(3);
        assertThat(store.find("b")).isEmpty();
        assertThat(store.find("a")).isPresent();
        assertThat(store.find("d")).isPresent();
    }

    @Test
    void aFloodOfAnonymousSessionsDoesNotSignUsersOut() {
        StepClock clock = new StepClock();
        MemorySessionStore store = new MemorySessionStore(60_000, 10, clock);
        store.put(new WebSession("ada", "t", new User("ada", null, Set.of()), 0));
        for (int i = 0; i < 1000; i++) {
            store.put(new WebSession("anonymous-" + i, "t", null, 0));
        }
        assertThat(store.size()).isEqualTo(10);
        assertThat(store.find("ada")).isPresent();
        assertThat(store.find("anonymous-999")).isPresent();
        assertThat(store.find("anonymous-0")).isEmpty();
    }

    @Test
    void aBoundTokenMountsOnlyWithItsSessionsCookie() {
        MemorySessionStore store = new MemorySessionStore(60_000, 100, Clock.systemUTC());
        BrowserSessions sessions = new BrowserSessions(store, new SessionTabs());
        User ada = new User("ada", "Ada", Set.of("user"));
        store.put(new WebSession("session-of-ada", "csrf", ada, System.currentTimeMillis()));
        String adasToken = BrowserSessions.binding("session-of-ada");

        SocketVisitor adasSocket = sessions.socketVisitor("session-of-ada");
        assertThat(adasSocket.refusal(adasToken)).isNull();
        assertThat(adasSocket.session(adasToken)).map(WebSession::user).contains(ada);

        assertThat(sessions.socketVisitor("session-of-bob").refusal(adasToken)).contains("not the one");
        assertThat(sessions.socketVisitor("session-of-bob").session(adasToken)).isEmpty();
        assertThat(sessions.socketVisitor(null).refusal(adasToken)).contains("no session cookie");

        assertThat(sessions.socketVisitor(null).refusal(null)).as("a page rendered without a session").isNull();
        assertThat(adasSocket.session(null)).as("which mounts as nobody, whatever the cookie").isEmpty();
        assertThat(adasToken).doesNotContain("session-of-ada").hasSize(22);
    }

    @Test
    void signingOutReachesTheSessionsTabsOnly() {
        SessionTabs tabs = new SessionTabs();
        List<String> told = new ArrayList<>();
        Runnable first = () -> told.add("first");
        tabs.add("s1", first);
        tabs.add("s1", () -> told.add("second"));
        tabs.add("s2", () -> told.add("other session"));
        tabs.remove("s1", first);
        tabs.signedOut("s1");
        tabs.signedOut("s1");
        assertThat(told).containsExactly("second");
    }

    @Test
    void issue18ASignOutReachesTheTabsOfEveryRuntimeSharingTheTopicsByItsBindingOnly() {
        LocalTopics shared = new LocalTopics(); // what a cluster's topics are to its members
        List<Object> published = new ArrayList<>();
        shared.subscribe(SessionTabs.SIGNED_OUT_TOPIC, published::add);
        SessionTabs here = new SessionTabs();
        SessionTabs there = new SessionTabs();
        here.setTopics(shared);
        there.setTopics(shared);
        List<String> told = new ArrayList<>();
        here.add("s1", () -> told.add("tab here"));
        there.add("s1", () -> told.add("tab there"));
        there.add("s2", () -> told.add("other session"));

        here.signedOut("s1");

        assertThat(told).containsExactlyInAnyOrder("tab here", "tab there");
        assertThat(published).containsExactly(BrowserSessions.binding("s1"));
        there.unsetTopics(shared);
        here.signedOut("s2");
        assertThat(told).as("a runtime whose topics went hears no more").hasSize(2);
    }
}
