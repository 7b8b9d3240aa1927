package dev.relive.hvr.internal.state;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields that make up a view's state: every instance field of the view class and its superclasses up to, not
 * including, {@code dev.relive.api.LiveView} (or {@code Object}), minus static, {@code transient} and synthetic
 * fields. Keys are field names; a field hidden by a subclass field of the same name is keyed
 * {@code <declaring class>.<name>}. Classes are compared by name, as they come from different class loaders.
 */
final class StateFields {

    static final String LIVE_VIEW = "dev.relive.api.LiveView";

    private StateFields() {
    }

    static Map<String, Field> of(Class<?> viewClass) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Class<?> c = viewClass; c != null && c != Object.class && !c.getName().equals(LIVE_VIEW);
                c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int mods = field.getModifiers();
                if (Modifier.isStatic(mods) || Modifier.isTransient(mods) || field.isSynthetic()) {
                    continue;
                }
                String key = fields.containsKey(field.getName()) ? c.getName() + "." + field.getName()
                        : field.getName();
                fields.put(key, field);
            }
        }
        return fields;
    }

    /**
     * Whether a field holds a service (or another object owned by a different bundle, such as the view's
     * {@code ViewSession}) rather than state: its declared type is an interface whose class loader is neither the
     * class loader of the view nor of the field's declaring class (the view's bundle) nor the boot or platform
     * class loader. Such values are never serialized: the new instance keeps what it was given (injected
     * references), and gets the old object only where it has none (see {@link StateRestorer}).
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
}
