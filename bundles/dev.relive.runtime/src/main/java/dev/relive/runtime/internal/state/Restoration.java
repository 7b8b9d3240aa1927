package dev.relive.runtime.internal.state;

import java.util.List;
import java.util.Optional;

/**
 * What {@link StateRestorer} did to a new instance.
 *
 * @param failure empty when the state was set, else why nothing was set (the session reloads)
 * @param dropped the old fields whose values were not carried (removed, renamed without
 *        {@code @CarriedFrom}, bound to the old revision, or not accepted by the new field), sorted by name
 */
public record Restoration(Optional<String> failure, List<String> dropped) {

    public Restoration {
        dropped = List.copyOf(dropped);
    }

    static Restoration failed(String reason) {
        return new Restoration(Optional.of(reason), List.of());
    }
}
