package dev.relive.runtime.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a push from a thread of an instance Hot View Replacement retired changed is found by comparing two captures
 * of that instance, and only those fields are carried to the page's instance.
 */
class Issue13SnapshotChangesTest {

    static class Feed {
        int count;
        String label = "a";
        List<String> items = new ArrayList<>();
        Executor executor = Runnable::run;
    }

    private final ObjectMapper mapper = StateMapper.create();

    @Test
    void issue13AFieldSetAListChangedInPlaceAndAnObjectReplacedAreTheChanges() {
        Feed feed = new Feed();
        StateSnapshot before = StateSnapshot.capture(feed, mapper);
        assertThat(StateSnapshot.capture(feed, mapper).changedSince(before)).isEmpty();

        feed.count = 3;
        feed.items.add("x");
        StateSnapshot after = StateSnapshot.capture(feed, mapper);

        assertThat(after.changedSince(before)).containsExactlyInAnyOrder("count", "items");
    }

    @Test
    void issue13OnlyTheChangedFieldsAreCarriedAndTheOthersKeepTheTargetsValues() {
        Feed old = new Feed();
        StateSnapshot before = StateSnapshot.capture(old, mapper);
        old.count = 7;
        old.label = "old";
        StateSnapshot after = StateSnapshot.capture(old, mapper);
        Feed live = new Feed();
        live.label = "typed since the save";
        live.items.add("kept");

        Restoration restored = StateRestorer.restore(after.only(Set.of("count")), live, mapper, Set.of());

        assertThat(restored.failure()).isEmpty();
        assertThat(restored.dropped()).isEmpty();
        assertThat(live.count).isEqualTo(7);
        assertThat(live.label).isEqualTo("typed since the save");
        assertThat(live.items).containsExactly("kept");
        assertThat(after.changedSince(before)).contains("count", "label");
    }
}
