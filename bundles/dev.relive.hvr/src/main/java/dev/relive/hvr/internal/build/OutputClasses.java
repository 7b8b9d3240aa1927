package dev.relive.hvr.internal.build;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The class files of a project's complete compile output, in memory, and their fingerprints ({@link ClassFingerprint}),
 * computed when first asked for from those of the output this one was merged from: a save that compiled one class
 * hashes that class and the classes that refer to it, not the whole project, and reads no class file back.
 *
 * <p>Threading: the class files never change; the fingerprints are computed once, under this object's lock.
 */
public final class OutputClasses {

    private final Map<String, byte[]> classes;
    /** An earlier output whose fingerprints were computed, until this one's are; {@code null} then. */
    private OutputClasses base;
    private ClassFingerprint.Prints prints;

    private OutputClasses(Map<String, byte[]> classes, OutputClasses base) {
        this.classes = Collections.unmodifiableMap(classes);
        this.base = base;
    }

    /** @param classes class file bytes by internal name ({@code a/b/C}), which nobody changes afterwards */
    static OutputClasses of(Map<String, byte[]> classes) {
        return new OutputClasses(classes, null);
    }

    /** These classes without {@code removed} and with {@code added} (bytes by internal name). */
    synchronized OutputClasses merged(Set<String> removed, Map<String, byte[]> added) {
        Map<String, byte[]> merged = new HashMap<>(classes);
        merged.keySet().removeAll(removed);
        merged.putAll(added);
        // the base is always an output whose fingerprints were computed, so there is never more than one behind
        return new OutputClasses(merged, prints != null ? this : base);
    }

    /** The class files by internal name ({@code a/b/C}); callers do not change the bytes. */
    public Map<String, byte[]> bytes() {
        return classes;
    }

    /** Class name ({@code a.b.View$1}) to fingerprint, as {@link ClassFingerprint#of} computes them. */
    public synchronized Map<String, String> fingerprints() {
        if (prints == null) {
            prints = ClassFingerprint.prints(classes, base == null ? null : base.computed());
            base = null;
        }
        return prints.byBinaryName();
    }

    private synchronized ClassFingerprint.Prints computed() {
        return prints;
    }
}
