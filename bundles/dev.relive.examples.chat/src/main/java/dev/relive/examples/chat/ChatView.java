package dev.relive.examples.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.Bind;
import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;
import dev.relive.api.PageMeta;
import dev.relive.api.Presence;
import dev.relive.api.PresenceDiff;
import dev.relive.api.PresenceEntry;
import dev.relive.api.Topics;
import dev.relive.api.ViewSession;

/**
 * A chat room: every tab on {@code /chat?room=R&name=N} subscribes to the room's topic and is present there under
 * its name. A sent line is published as a map of plain strings, so that any version of this view (and any node)
 * can read it; each tab keeps the lines it has seen and its draft in its own fields.
 */
@LiveViewRoute("/chat")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class ChatView extends LiveView {

    /** Longest line accepted, in characters. */
    static final int MAX_TEXT = 500;
    /** Lines a tab keeps; older ones scroll away. */
    static final int MAX_LINES = 200;

    public record Line(String author, String text) {
    }

    @Reference
    private Topics topics;
    @Reference
    private Presence presence;

    private String room = "lobby";
    private String name = "";
    private final List<Line> lines = new ArrayList<>();
    private List<PresenceEntry> present = List.of();
    @Bind
    private String draft = "";

    public ChatView() {
    }

    ChatView(Topics topics, Presence presence) {
        this.topics = topics;
        this.presence = presence;
    }

    @Override
    public void mount(Map<String, String> params, ViewSession session) {
        room = RoomNames.room(params.get("room"));
        name = RoomNames.person(params.get("name"), session.id());
        session.subscribe(topic());
        session.track(topic(), Map.of("name", name));
        present = presence.list(topic());
    }

    @Override
    public PageMeta pageMeta() {
        return PageMeta.title("Chat: " + room + " (" + present.size() + " here)");
    }

    @EventHandler
    public void send(String text) {
        String line = text == null ? "" : text.strip();
        if (line.isEmpty()) {
            return;
        }
        if (line.length() > MAX_TEXT) {
            line = line.substring(0, MAX_TEXT);
        }
        topics.publish(topic(), Map.of("author", name, "text", line));
        draft = "";
    }

    @Override
    public void message(String topic, Object message) {
        if (message instanceof Map<?, ?> map && map.get("author") instanceof String author
                && map.get("text") instanceof String text) {
            lines.add(new Line(author, text));
            if (lines.size() > MAX_LINES) {
                lines.remove(0);
            }
        }
    }

    @Override
    public void presenceChanged(String topic, PresenceDiff diff) {
        present = presence.list(topic);
    }

    public String topic() {
        return "chat:" + room;
    }
}
