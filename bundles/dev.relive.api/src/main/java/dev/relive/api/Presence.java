package dev.relive.api;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who is present under a topic, a service of the runtime. A view tracks its tab with
 * {@link ViewSession#track}; other code tracks any key here. Each join and leave is published on the topic itself
 * as a {@link PresenceDiff}, so the topic's subscribers (views get {@link LiveView#presenceChanged}) keep their
 * lists current without asking again.
 *
 * <p>An entry lasts until it is untracked, or, for a view's entry, until the view leaves the page or its tab
 * closes. Threading: all methods may be called from any thread.
 */
@ProviderType
public interface Presence {

    /**
     * Tracks {@code key} under {@code topic} with {@code meta} (for example a user name), replacing the meta of an
     * entry already tracked under that key; subscribers of {@code topic} get a diff with the join.
     */
    void track(String topic, String key, Map<String, String> meta);

    /** Removes the entry of {@code key}; subscribers get a diff with the leave. Nothing when it is not tracked. */
    void untrack(String topic, String key);

    /** The entries tracked under {@code topic} now, in the order they joined. */
    List<PresenceEntry> list(String topic);
}
