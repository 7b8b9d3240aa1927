package dev.relive.runtime.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code hvr-applied} frame: new code or a new template is live in a session.
 *
 * @param view the class name of the view whose code changed
 * @param version how many times that view has been swapped since the runtime started
 * @param file the saved file, or {@code null} when unknown
 * @param ms milliseconds from the save to this frame
 * @param bundle the symbolic name of the rebuilt bundle
 * @param phases milliseconds per phase of the rebuild, in the order they ran
 * @param dropped the names of the fields whose values the new instances did not get (see
 *        {@link SwapOutcome#droppedByView()}): {@code view}'s by name, another view's after its simple class name
 *        ({@code PersonRow#likes}); empty when every value was carried
 */
public record HvrApplied(String view, int version, String file, long ms, String bundle, Map<String, Long> phases,
        List<String> dropped) {

    public HvrApplied {
        phases = phases == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(phases));
        dropped = dropped == null ? List.of() : List.copyOf(dropped);
    }

    /** A frame with no field dropped. */
    public HvrApplied(String view, int version, String file, long ms, String bundle, Map<String, Long> phases) {
        this(view, version, file, ms, bundle, phases, List.of());
    }
}
