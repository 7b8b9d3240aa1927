package dev.relive.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.relive.api.Presence;
import dev.relive.api.PresenceDiff;
import dev.relive.api.PresenceEntry;
import dev.relive.api.Subscription;
import dev.relive.api.Topics;
import dev.relive.test.ViewFixture;

/** The chat view's handlers and template without a runtime: what it publishes, what it shows. */
class ChatViewUnitTest {

    /** Records what is published; the fixture delivers nothing by itself. */
    static final class PublishedLines implements Topics {
        final List<Object> published = new ArrayList<>();

        @Override
        public void publish(String topic, Object message) {
            published.add(topic + " " + message);
        }

        @Override
        public Subscription subscribe(String topic, Consumer<Object> listener) {
            throw new UnsupportedOperationException("views subscribe through their session");
        }
    }

    /** Two people in the room. */
    static final class TwoPresent implements Presence {
        @Override
        public void track(String topic, String key, Map<String, String> meta) {
        }

        @Override
        public void untrack(String topic, String key) {
        }

        @Override
        public List<PresenceEntry> list(String topic) {
            return List.of(new PresenceEntry("a", Map.of("name", "ada")), new PresenceEntry("b", Map.of("name", "bob")));
        }
    }

    private final PublishedLines topics = new PublishedLines();

    @Test
    void sendingPublishesTheTrimmedLineUnderTheNameAndBlankLinesAreNotSent() {
        ViewFixture<ChatView> chat = ViewFixture.mount(new ChatView(topics, new TwoPresent()),
                Map.of("room", "tea", "name", "ada"));

        chat.submit("#compose", Map.of("text", "  hello  "));
        chat.submit("#compose", Map.of("text", "   "));

        assertThat(topics.published).hasSize(1);
        assertThat(topics.published.get(0).toString()).startsWith("chat:tea ").contains("text=hello", "author=ada");
        assertThat(chat.text("#me")).isEqualTo("ada");
    }

    @Test
    void receivedLinesAndPresenceAreShown() {
        ChatView view = new ChatView(topics, new TwoPresent());
        ViewFixture<ChatView> chat = ViewFixture.mount(view, Map.of("room", "tea"));

        view.message("chat:tea", Map.of("author", "bob", "text", "hi ada"));
        view.message("chat:tea", "not a chat line");
        view.presenceChanged("chat:tea", new PresenceDiff(List.of(), List.of()));

        assertThat(chat.text("#messages")).isEqualTo("bob: hi ada");
        assertThat(chat.text("#present ul")).contains("ada", "bob");
        assertThat(chat.pageMeta().title()).isEqualTo("Chat: tea (2 here)");
    }

    @Test
    void oddRoomNamesFallBackToTheLobbyAndLongNamesAreCut() {
        assertThat(RoomNames.room("../etc")).isEqualTo("lobby");
        assertThat(RoomNames.room("tea-room_2")).isEqualTo("tea-room_2");
        assertThat(RoomNames.person(" x".repeat(50), "s1")).hasSize(40);
        assertThat(RoomNames.person(null, "abcdef")).isEqualTo("guest-abcd");
    }
}
