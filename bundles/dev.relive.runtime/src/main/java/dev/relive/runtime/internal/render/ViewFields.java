package dev.relive.runtime.internal.render;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.relive.api.LiveView;

/** A view's state as the template sees it: every instance field, by name, from the view class up to LiveView. */
public final class ViewFields {

    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

    private ViewFields() {
    }

    public static Map<String, Object> of(LiveView view) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : fields(view.getClass())) {
            try {
                values.putIfAbsent(f.getName(), f.get(view));
            } catch (IllegalAccessException e) {
                // not readable: not part of the template's state
            }
        }
        return values;
    }

    /** Instance fields, subclass first, made accessible. */
    public static List<Field> fields(Class<?> type) {
        return FIELDS.computeIfAbsent(type, ViewFields::collect);
    }

    /** Forgets classes of a bundle that went away. */
    public static void forget(ClassLoader loader) {
        FIELDS.keySet().removeIf(c -> c.getClassLoader() == loader);
    }

    private static List<Field> collect(Class<?> type) {
        List<Field> list = new ArrayList<>();
        for (Class<?> c = type; c != null && c != LiveView.class && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                    try {
                        f.setAccessible(true);
                        list.add(f);
                    } catch (RuntimeException e) {
                        // inaccessible (module rules): left out
                    }
                }
            }
        }
        return List.copyOf(list);
    }
}
