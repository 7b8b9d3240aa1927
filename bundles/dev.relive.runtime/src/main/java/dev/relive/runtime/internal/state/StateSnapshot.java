package dev.relive.runtime.internal.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * <p>Values bound to the view's class loader that cannot be rebuilt by name (lambdas, method references,
 * anonymous and inner class instances, see {@link RevisionBound}) are not kept at all: their fields are only named
 * in {@link #oldRevision()}, and the new instance's fields start from its initializers. Fields that Declarative
 * Services injects are not state and are left out.
 *
 * <p>Immutable once captured; capture on the thread that owns the view (its session's executor), restore anywhere.
 */
public final class StateSnapshot {

    private final String viewClass;
    private final Map<String, JsonNode> values;
    private final Map<String, Object> objects;
    private final Set<String> unserializable;
    private final Set<String> oldRevision;

    private StateSnapshot(String viewClass, Map<String, JsonNode> values, Map<String, Object> objects,
            Set<String> unserializable, Set<String> oldRevision) {
        this.viewClass = viewClass;
        this.values = Collections.unmodifiableMap(values);
        this.objects = Collections.unmodifiableMap(objects);
        this.unserializable = Collections.unmodifiableSet(unserializable);
        this.oldRevision = Collections.unmodifiableSet(oldRevision);
    }

    /** Captures with a fresh {@link StateMapper}, no field injected. */
    public static StateSnapshot capture(Object view) {
        return capture(view, StateMapper.create(), Set.of());
    }

    public static StateSnapshot capture(Object view, ObjectMapper mapper) {
        return capture(view, mapper, Set.of());
    }

    /** {@code injected}: the names of the fields Declarative Services sets, which are not captured. */
    public static StateSnapshot capture(Object view, ObjectMapper mapper, Set<String> injected) {
        Class<?> type = view.getClass();
        ClassLoader loader = type.getClassLoader();
        Map<String, JsonNode> values = new LinkedHashMap<>();
        Map<String, Object> objects = new LinkedHashMap<>();
        Set<String> unserializable = new LinkedHashSet<>();
        Set<String> oldRevision = new LinkedHashSet<>();
        StateFields.byName(type).forEach((name, field) -> {
            if (injected.contains(name)) {
                return;
            }
            Object value = StateFields.read(field, view);
            if (StateFields.holdsService(field, type)) {
                objects.put(name, value);
            } else if (RevisionBound.holdsCode(value, loader)) {
                oldRevision.add(name);
            } else {
                try {
                    values.put(name, mapper.valueToTree(value));
                } catch (IllegalArgumentException e) {
                    if (RevisionBound.holdsAny(value, loader)) {
                        oldRevision.add(name);
                    } else {
                        objects.put(name, value);
                        unserializable.add(name);
                    }
                }
            }
        });
        return new StateSnapshot(type.getName(), values, objects, unserializable, oldRevision);
    }

    /**
     * A snapshot of state fields kept as trees elsewhere (another process wrote them), for a new instance of
     * {@code type}: every field of {@code type} whose type is an interface {@code session} implements is given it
     * (whatever was stored for it), the way a swap gives the new instance the {@code ViewSession} the old one kept.
     */
    public static StateSnapshot detached(Class<?> type, Map<String, JsonNode> values, Object session) {
        Map<String, JsonNode> trees = new LinkedHashMap<>(values);
        Map<String, Object> objects = new LinkedHashMap<>();
        StateFields.byName(type).forEach((name, field) -> {
            if (field.getType().isInterface() && field.getType().isInstance(session)) {
                objects.put(name, session);
                trees.remove(name);
            }
        });
        return new StateSnapshot(type.getName(), trees, objects, Set.of(), Set.of());
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

    /** Fields whose values are bound to the old revision's class loader and are never carried, in field order. */
    public Set<String> oldRevision() {
        return oldRevision;
    }

    /**
     * The names of the fields whose values differ from {@code earlier}'s, another capture of the same instance: a
     * tree not equal to the earlier one, an object not the same one, a field that now holds, or no longer holds, code
     * of the old revision.
     */
    public Set<String> changedSince(StateSnapshot earlier) {
        Set<String> changed = new LinkedHashSet<>();
        values.forEach((name, tree) -> {
            if (!tree.equals(earlier.values.get(name))) {
                changed.add(name);
            }
        });
        objects.forEach((name, object) -> {
            if (!earlier.objects.containsKey(name) || earlier.objects.get(name) != object) {
                changed.add(name);
            }
        });
        for (String name : earlier.values.keySet()) {
            if (!values.containsKey(name)) {
                changed.add(name);
            }
        }
        for (String name : earlier.objects.keySet()) {
            if (!objects.containsKey(name)) {
                changed.add(name);
            }
        }
        return changed;
    }

    /** This snapshot with the fields {@code renames} names under their new names (old name to new name). */
    public StateSnapshot renamed(Map<String, String> renames) {
        if (renames.isEmpty()) {
            return this;
        }
        return new StateSnapshot(viewClass, renameKeys(values, renames), renameKeys(objects, renames),
                renameAll(unserializable, renames), renameAll(oldRevision, renames));
    }

    private static <V> Map<String, V> renameKeys(Map<String, V> map, Map<String, String> renames) {
        Map<String, V> renamed = new LinkedHashMap<>();
        map.forEach((name, value) -> renamed.put(renames.getOrDefault(name, name), value));
        return renamed;
    }

    private static Set<String> renameAll(Set<String> names, Map<String, String> renames) {
        Set<String> renamed = new LinkedHashSet<>();
        names.forEach(name -> renamed.add(renames.getOrDefault(name, name)));
        return renamed;
    }

    /** This snapshot with only the fields {@code names} lists; a restore from it leaves every other field alone. */
    public StateSnapshot only(Set<String> names) {
        Map<String, JsonNode> someValues = new LinkedHashMap<>(values);
        someValues.keySet().retainAll(names);
        Map<String, Object> someObjects = new LinkedHashMap<>(objects);
        someObjects.keySet().retainAll(names);
        Set<String> someUnserializable = new LinkedHashSet<>(unserializable);
        someUnserializable.retainAll(names);
        Set<String> someOldRevision = new LinkedHashSet<>(oldRevision);
        someOldRevision.retainAll(names);
        return new StateSnapshot(viewClass, someValues, someObjects, someUnserializable, someOldRevision);
    }

    /** Whether the snapshot has a field of this name, whatever became of its value. */
    boolean has(String name) {
        return values.containsKey(name) || objects.containsKey(name) || oldRevision.contains(name);
    }

    @Override
    public String toString() {
        return "StateSnapshot[" + viewClass + " " + values + " objects=" + objects.keySet() + " oldRevision="
                + oldRevision + "]";
    }
}
