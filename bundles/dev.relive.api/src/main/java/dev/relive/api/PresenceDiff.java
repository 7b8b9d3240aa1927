package dev.relive.api;

import java.util.List;

/**
 * A change to a topic's {@link Presence}, published on the topic. An entry whose meta changed is both a leave
 * (with its old meta) and a join (with the new one).
 *
 * @param joins entries added
 * @param leaves entries removed
 */
public record PresenceDiff(List<PresenceEntry> joins, List<PresenceEntry> leaves) {

    public PresenceDiff {
        joins = List.copyOf(joins);
        leaves = List.copyOf(leaves);
    }
}
