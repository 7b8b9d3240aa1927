package dev.relive.runtime.internal.state;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sets a new view instance's fields from a {@link StateSnapshot} of the old instance. For each state field of the
 * new class present in the snapshot: the tree is converted to the field's generic type (so an {@code int} may
 * become a {@code String}, an enum constant is found by name, a record rebuilt from its components); a field that
 * holds a service keeps what the new instance has and gets the old object only if it has none and the object
 * fits (e.g. the view's {@code ViewSession}, which {@code mount} stored and is not run again). Fields new in the
 * new class keep their initial values; fields gone from it are dropped.
 *
 * <p>All values are converted before any is set: on failure nothing has changed. Failure reasons:
 * {@code field_type_changed:<name>} (the value cannot be converted to the new type) and
 * {@code field_not_carried:<name>} (the old value could not be serialized and the new field cannot take it).
 */
public final class StateRestorer {

    private StateRestorer() {
    }

    /** Restores with a fresh {@link StateMapper}; empty on success, else the failure reason. */
    public static Optional<String> restore(StateSnapshot snapshot, Object target) {
        return restore(snapshot, target, StateMapper.create());
    }

    public static Optional<String> restore(StateSnapshot snapshot, Object target, ObjectMapper mapper) {
        Class<?> type = target.getClass();
        List<Assignment> assignments = new ArrayList<>();
        for (Map.Entry<String, Field> entry : StateFields.byName(type).entrySet()) {
            String name = entry.getKey();
            Field field = entry.getValue();
            JsonNode node = snapshot.values().get(name);
            if (StateFields.holdsService(field, type)) {
                Object old = snapshot.objects().get(name);
                if (old != null && field.getType().isInstance(old) && StateFields.read(field, target) == null) {
                    assignments.add(new Assignment(field, old));
                }
            } else if (node != null) {
                Object value;
                try {
                    value = mapper.treeToValue(node, mapper.constructType(field.getGenericType()));
                } catch (IllegalArgumentException | JacksonException e) {
                    return Optional.of("field_type_changed:" + name);
                }
                if (value != null || !field.getType().isPrimitive()) {
                    assignments.add(new Assignment(field, value));
                }
            } else if (snapshot.objects().containsKey(name)) {
                Object old = snapshot.objects().get(name);
                if (old != null && !field.getType().isInstance(old)) {
                    return Optional.of((snapshot.unserializable().contains(name) ? "field_not_carried:"
                            : "field_type_changed:") + name);
                }
                if (old != null || !field.getType().isPrimitive()) {
                    assignments.add(new Assignment(field, old));
                }
            }
        }
        for (Assignment a : assignments) {
            a.apply(target);
        }
        return Optional.empty();
    }

    private record Assignment(Field field, Object value) {
        void apply(Object target) {
            try {
                field.set(target, value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot set " + field, e);
            }
        }
    }
}
