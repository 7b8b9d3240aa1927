package dev.relive.runtime.internal.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.relive.api.PresenceDiff;
import dev.relive.api.PresenceEntry;

class LocalPresenceTest {

    private final LocalTopics topics = new LocalTopics();
    private final LocalPresence presence = new LocalPresence(topics);
    private final List<Object> published = new ArrayList<>();

    LocalPresenceTest() {
        topics.subscribe("room", published::add);
    }

    @Test
    void entriesAreListedInJoinOrderAndEachJoinAndLeaveIsADiffOnTheTopic() {
        presence.track("room", "s1", Map.of("name", "ada"));
        presence.track("room", "s2", Map.of("name", "bob"));
        presence.untrack("room", "s1");

        assertThat(presence.list("room")).containsExactly(new PresenceEntry("s2", Map.of("name", "bob")));
        assertThat(published).containsExactly(
                new PresenceDiff(List.of(new PresenceEntry("s1", Map.of("name", "ada"))), List.of()),
                new PresenceDiff(List.of(new PresenceEntry("s2", Map.of("name", "bob"))), List.of()),
                new PresenceDiff(List.of(), List.of(new PresenceEntry("s1", Map.of("name", "ada")))));
    }

    @Test
    void newMetaIsALeaveOfTheOldAndAJoinOfTheNewAndTheSameMetaIsNoChange() {
        presence.track("room", "s1", Map.of("name", "ada"));
        presence.track("room", "s1", Map.of("name", "ada"));
        presence.track("room", "s1", Map.of("name", "ada l."));

        assertThat(presence.list("room")).containsExactly(new PresenceEntry("s1", Map.of("name", "ada l.")));
        assertThat(published).hasSize(2);
        assertThat(published.get(1)).isEqualTo(new PresenceDiff(
                List.of(new PresenceEntry("s1", Map.of("name", "ada l."))),
                List.of(new PresenceEntry("s1", Map.of("name", "ada")))));
    }

    @Test
    void untrackingWhatIsNotTrackedIsNothingAndAnEmptyTopicListsNothing() {
        presence.untrack("room", "nobody");
        presence.track("room", "s1", Map.of());
        presence.untrack("room", "s1");
        presence.untrack("room", "s1");

        assertThat(presence.list("room")).isEmpty();
        assertThat(presence.list("elsewhere")).isEmpty();
        assertThat(published).hasSize(2);
    }

    @Test
    void concurrentJoinsAndLeavesOfOneTopicLoseNoEntry() throws Exception {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int n = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    presence.track("busy", "t" + n + "-" + i, Map.of());
                    if (i % 2 == 0) {
                        presence.untrack("busy", "t" + n + "-" + i);
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(presence.list("busy")).hasSize(4 * 250);
    }
}
