package dev.relive.runtime.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
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
 */
public record HvrApplied(String view, int version, String file, long ms, String bundle, Map<String, Long> phases) {

    public HvrApplied {
        phases = phases == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(phases));
    }
}
