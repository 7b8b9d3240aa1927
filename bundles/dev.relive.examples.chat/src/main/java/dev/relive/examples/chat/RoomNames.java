package dev.relive.examples.chat;

import java.util.regex.Pattern;

/** The room and person names a chat URL may carry: short, and plain enough to be a topic's name. */
final class RoomNames {

    private static final Pattern ROOM = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final int MAX_PERSON = 40;

    private RoomNames() {
    }

    /** {@code requested} when it is a valid room name, else {@code lobby}. */
    static String room(String requested) {
        return requested != null && ROOM.matcher(requested).matches() ? requested : "lobby";
    }

    /** {@code requested}, trimmed and cut to length, or {@code guest-} and the start of the session id. */
    static String person(String requested, String sessionId) {
        String name = requested == null ? "" : requested.strip();
        if (name.isEmpty()) {
            return "guest-" + sessionId.substring(0, Math.min(4, sessionId.length()));
        }
        return name.length() > MAX_PERSON ? name.substring(0, MAX_PERSON) : name;
    }
}
