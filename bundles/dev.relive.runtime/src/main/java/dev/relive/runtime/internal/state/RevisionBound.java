package dev.relive.runtime.internal.state;

import java.lang.reflect.Array;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;

/**
 * Which values are bound to the class loader of one bundle revision and so must never reach an instance of the next
 * revision: lambdas and method references (hidden classes), anonymous, local and inner classes defined by that
 * loader, and collections, maps and arrays holding any of them. Their code is the old code, and inner classes and
 * lambdas hold the old instance itself. Records, enums and static nested classes of the bundle are data: they are
 * rebuilt by name (see {@link StateSnapshot}) and are not bound.
 */
final class RevisionBound {

    /** How deep collections, maps and arrays are looked into. */
    private static final int DEPTH = 4;

    private RevisionBound() {
    }

    /** Whether the value holds code of {@code loader} that cannot be rebuilt by name. */
    static boolean holdsCode(Object value, ClassLoader loader) {
        return contains(value, loader, DEPTH, true);
    }

    /** Whether the value is, or holds, an instance of any class defined by {@code loader}. */
    static boolean holdsAny(Object value, ClassLoader loader) {
        return contains(value, loader, DEPTH, false);
    }

    private static boolean contains(Object value, ClassLoader loader, int depth, boolean codeOnly) {
        if (value == null || depth < 0) {
            return false;
        }
        Class<?> type = value.getClass();
        if (codeOnly && value instanceof Enum<?>) {
            return false;
        }
        if (type.getClassLoader() == loader && (!codeOnly || isCode(type))) {
            return true;
        }
        if (value instanceof Collection<?> c) {
            return c.stream().anyMatch(e -> contains(e, loader, depth - 1, codeOnly));
        }
        if (value instanceof Map<?, ?> m) {
            return m.entrySet().stream().anyMatch(e -> contains(e.getKey(), loader, depth - 1, codeOnly)
                    || contains(e.getValue(), loader, depth - 1, codeOnly));
        }
        if (type.isArray() && !type.getComponentType().isPrimitive()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                if (contains(Array.get(value, i), loader, depth - 1, codeOnly)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isCode(Class<?> type) {
        return type.isHidden() || type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()
                || type.isMemberClass() && !Modifier.isStatic(type.getModifiers()) && !type.isEnum()
                        && !type.isRecord() && !type.isInterface();
    }
}
