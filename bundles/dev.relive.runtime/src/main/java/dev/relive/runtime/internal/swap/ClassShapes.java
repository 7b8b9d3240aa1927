package dev.relive.runtime.internal.swap;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.relive.runtime.internal.state.ClassShape;
import dev.relive.runtime.internal.state.Compatibility;

/**
 * The shapes of the view classes one swap meets, and whether each new class is compatible with the old one, worked
 * out once per class rather than once per session: a thousand sessions of one view read its methods and fields by
 * reflection twice, not two thousand times. One per swap: its classes die with the old revision. Thread-safe.
 */
final class ClassShapes {

    private final Map<Class<?>, ClassShape> shapes = new ConcurrentHashMap<>();
    private final Map<Map.Entry<Class<?>, Class<?>>, Optional<String>> checks = new ConcurrentHashMap<>();

    ClassShape of(Class<?> viewClass) {
        return shapes.computeIfAbsent(viewClass, ClassShape::of);
    }

    /** Why an instance of {@code oldClass} cannot become one of {@code newClass}; see {@link Compatibility}. */
    Optional<String> incompatibility(Class<?> oldClass, Class<?> newClass) {
        return checks.computeIfAbsent(Map.entry(oldClass, newClass),
                pair -> Compatibility.check(of(oldClass), of(newClass)));
    }
}
