package dev.relive.hvr.internal.build;

import java.time.Duration;
import java.util.List;

/**
 * Outcome of packaging one bundle.
 *
 * @param jar the bundle jar, or {@code null} when bnd reported errors
 * @param errors bnd's errors; non-empty means failure
 * @param warnings bnd's warnings
 * @param elapsed wall time of the packaging
 * @param analysed bnd analysed the classes; {@code false} when the last jar was rewritten with new classes
 */
public record PackageResult(byte[] jar, List<String> errors, List<String> warnings, Duration elapsed,
        boolean analysed) {

    public PackageResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean success() {
        return jar != null && errors.isEmpty();
    }
}
