package dev.relive.runtime.internal.state;

import java.lang.reflect.Field;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The state of one view instance, detached from its class loader: each state field (see {@link StateFields}) as a
 * Jackson tree, so values whose classes come from the old bundle (records, enums, collections and maps of them,
 * nested objects) can be rebuilt by name as the new bundle's classes. Fields holding services or other bundles'
 * objects are kept as the objects themselves; so are values Jackson cannot serialize (cycles, opaque objects),
 * which then can only be carried where the new field accepts the very same object.
 *
 * <p>Immutable once captured; capture on the thread that owns the view (its session's executor), restore anywhere.
 */
public final class StateSnapshot {

    private final String viewClass;
    private final Map<String, JsonNode> values;
    private final Map<String, Object> objects;
    private final Set<String> unserializable;

    private StateSnapshot(String viewClass, Map<String, JsonNode> values, Map<String, Object> objects,
            Set<String> unserializable) {
        this.viewClass = viewClass;
        this.values = Collections.unmodifiableMap(values);
        this.objects = Collections.unmodifiableMap(objects);
        this.unserializable = Set.copyOf(unserializable);
    }

    /** Captures with a fresh {@link StateMapper}. */
    public static StateSnapshot capture(Object view) {
        return capture(view, StateMapper.create());
    }

    public static StateSnapshot capture(Object view, ObjectMapper mapper) {
        Class<?> type = view.getClass();
        Map<String, JsonNode> values = new LinkedHashMap<>();
        Map<String, Object> objects = new LinkedHashMap<>();
        Set<String> unserializable = new HashSet<>();
        StateFields.byName(type).forEach((name, field) -> {
            Object value = StateFields.read(field, view);
            if (StateFields.holdsService(field, type)) {
                objects.put(name, value);
                return;
            }
            try {
                values.put(name, mapper.valueToTree(value));
            } catch (IllegalArgumentException e) {
                objects.put(name, value);
                unserializable.add(name);
            }
        });
        return new StateSnapshot(type.getName(), values, objects, unserializable);
    }

    /** The name of the captured view's class. */
    public String viewClass() {
        return viewClass;
    }

    /** State fields as trees, by field name. A {@code null} field value is a null node. */
    public Map<String, JsonNode> values() {
        return values;
    }

    /** Fields kept as objects (services, other bundles' objects, unserializable values); values may be null. */
    public Map<String, Object> objects() {
        return objects;
    }

    /** Fields Jackson could not serialize (a subset of {@link #objects()}'s keys). */
    public Set<String> unserializable() {
        return unserializable;
    }

    @Override
    public String toString() {
        return "StateSnapshot[" + viewClass + " " + values + " objects=" + objects.keySet() + "]";
    }
}
