package dev.relive.runtime.internal.state;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one definition of a view's state: every instance field of the view class and its superclasses up to, not
 * including, {@code dev.relive.api.LiveView} (or {@code Object}), minus static and synthetic fields. A
 * {@code transient} field is state like any other: the template sees it, the last good state after a failed
 * handler includes it, and Hot View Replacement carries it. Templates, two-way binding, the last good state and
 * the state carried to a new class all read the fields from here.
 *
 * <p>Classes are compared by name, as old and new view classes come from different class loaders. Fields that the
 * module rules keep inaccessible are left out.
 */
public final class StateFields {

    static final String LIVE_VIEW = "dev.relive.api.LiveView";

    private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            return collect(type);
        }
    };
    private static final ClassValue<Map<String, Field>> BY_NAME = new ClassValue<>() {
        @Override
        protected Map<String, Field> computeValue(Class<?> type) {
            return keyed(FIELDS.get(type));
        }
    };

    private StateFields() {
    }

    /** The state fields, the view class's own first, then each superclass's; accessible. */
    public static List<Field> of(Class<?> viewClass) {
        return FIELDS.get(viewClass);
    }

    /**
     * The state fields by name, in the order of {@link #of}; a field hidden by a subclass field of the same name is
     * keyed {@code <declaring class>.<name>}.
     */
    public static Map<String, Field> byName(Class<?> viewClass) {
        return BY_NAME.get(viewClass);
    }

    /** The values of the view's state fields by name; a hidden field is left out (the template sees the subclass's). */
    public static Map<String, Object> values(Object view) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : of(view.getClass())) {
            values.putIfAbsent(field.getName(), read(field, view));
        }
        return values;
    }

    /**
     * Whether a field holds a service (or another object owned by a different bundle, such as the view's
     * {@code ViewSession}) rather than state that can be carried as a value: its declared type is an interface whose
     * class loader is neither the class loader of the view nor of the field's declaring class (the view's bundle)
     * nor the boot or platform class loader. Such values are never serialized: the new instance keeps what it was
     * given (injected references), and gets the old object only where it has none (see {@link StateRestorer}).
     */
    static boolean holdsService(Field field, Class<?> viewClass) {
        Class<?> type = field.getType();
        if (!type.isInterface()) {
            return false;
        }
        ClassLoader loader = type.getClassLoader();
        return loader != null && loader != ClassLoader.getPlatformClassLoader()
                && loader != viewClass.getClassLoader() && loader != field.getDeclaringClass().getClassLoader();
    }

    static Object read(Field field, Object target) {
        try {
            return field.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    private static List<Field> collect(Class<?> viewClass) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = viewClass; c != null && c != Object.class && !c.getName().equals(LIVE_VIEW);
                c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    fields.add(field);
                } catch (RuntimeException e) {
                    // inaccessible under the module rules: not part of the state
                }
            }
        }
        return List.copyOf(fields);
    }

    private static Map<String, Field> keyed(List<Field> fields) {
        Map<String, Field> byName = new LinkedHashMap<>();
        for (Field field : fields) {
            String key = byName.containsKey(field.getName())
                    ? field.getDeclaringClass().getName() + "." + field.getName() : field.getName();
            byName.put(key, field);
        }
        return Collections.unmodifiableMap(byName);
    }
}
