package dev.relive.hvr.internal.build;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Whether a new build of a bundle changes its running classes in their method bodies only, so that the JVM can
 * redefine them in place (the instances keep their fields, nothing is swapped): the same classes, and for each one
 * that differs the same {@link ClassOutline#shapeKey()} (supertypes, fields, methods, annotations, parameter names,
 * nesting), the same packages referred to (the manifest's imports) and the same static initializer, which a redefined
 * class does not run again. Anything else (a field, a method, a lambda or an inner class added or removed, a new
 * constant, a new import) needs new classes, and the bundle is updated.
 */
public final class BodyOnlyEdits {

    /**
     * @param classes the classes to redefine, by binary name, with their new bytes; empty when nothing differs
     * @param refusal why the build cannot be applied by redefinition, {@code null} when it can
     */
    public record Result(Map<String, byte[]> classes, String refusal) {

        public boolean redefinable() {
            return refusal == null;
        }
    }

    private BodyOnlyEdits() {
    }

    /**
     * @param running the running bytes of a class, by binary name ({@code null} when the bundle has no such class)
     * @param runningNames every class the bundle has now, by binary name
     * @param built the new build's classes, by internal name ({@code a/b/C})
     * @param candidates the binary names of the classes that may differ (those whose fingerprint changed)
     */
    public static Result compare(Set<String> runningNames, Function<String, byte[]> running,
            Map<String, byte[]> built, Set<String> candidates) {
        for (String internal : built.keySet()) {
            if (!runningNames.contains(internal.replace('/', '.'))) {
                return refused("new class " + internal.replace('/', '.'));
            }
        }
        if (runningNames.size() != built.size()) {
            return refused("a class was removed");
        }
        Map<String, byte[]> changed = new LinkedHashMap<>();
        for (String name : candidates) {
            byte[] now = built.get(name.replace('.', '/'));
            byte[] before = running.apply(name);
            if (now == null || before == null) {
                return refused("class " + name + " cannot be read");
            }
            if (Arrays.equals(now, before)) {
                continue;
            }
            ClassOutline was = ClassOutline.of(before);
            ClassOutline is = ClassOutline.of(now);
            if (!was.shapeKey().equals(is.shapeKey())) {
                return refused(name + ": more than method bodies changed");
            }
            if (!was.referencedPackages().equals(is.referencedPackages())) {
                return refused(name + ": refers to other packages");
            }
            if (!was.staticInit().equals(is.staticInit())) {
                return refused(name + ": static initializer changed");
            }
            changed.put(name, now);
        }
        return new Result(changed, null);
    }

    private static Result refused(String why) {
        return new Result(Map.of(), why);
    }
}
