package dev.relive.examples.account;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;

/**
 * One note per user, kept in memory while the bundle runs. Immediate, so the notes outlive the views that show
 * them. Thread-safe.
 */
@Component(service = AccountNotes.class, immediate = true)
public class AccountNotes {

    static final int MAX_LENGTH = 500;

    private final Map<String, String> notes = new ConcurrentHashMap<>();

    /** The note of user {@code userId}, empty when there is none. */
    public String note(String userId) {
        return notes.getOrDefault(userId, "");
    }

    /** Replaces the note of user {@code userId}, cut to {@value #MAX_LENGTH} characters. */
    public void put(String userId, String note) {
        String text = note == null ? "" : note.strip();
        notes.put(userId, text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text);
    }
}
