package dev.relive.runtime.internal.state;

import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;

import dev.relive.api.CarriedFrom;

/**
 * Sets a new view instance's fields from a {@link StateSnapshot} of the old instance. Each state field of the new
 * class takes the old field of its own name, else the one its {@link CarriedFrom} names. The tree is converted to
 * the field's generic type (so an {@code int} may become a {@code String}, an enum constant is found by name, a
 * record rebuilt from its components); a field that holds a service keeps what the new instance has and gets the
 * old object only if it has none and the object fits (e.g. the view's {@code ViewSession}, which {@code mount}
 * stored and is not run again). Fields Declarative Services injects keep what it injected. Fields new in the new
 * class, and fields whose old value is bound to the old revision, keep their initial values.
 *
 * <p>All values are converted before any is set: on failure nothing has changed. The failure reason is
 * {@code field_type_changed:<name>} (the value cannot be converted to the new type). Every old value not carried
 * is listed in {@link Restoration#dropped()}: a field, or a property inside one that the new class no longer has
 * (a record component renamed: {@code items: Item.name}; {@code @CarriedFrom} on the component carries it). A
 * property new in a record gets its type's default (0, {@code null}): the canonical constructor runs with it.
 */
public final class StateRestorer {

    private StateRestorer() {
    }

    /** Restores with a fresh {@link StateMapper}; empty on success, else the failure reason. */
    public static Optional<String> restore(StateSnapshot snapshot, Object target) {
        return restore(snapshot, target, StateMapper.create());
    }

    public static Optional<String> restore(StateSnapshot snapshot, Object target, ObjectMapper mapper) {
        return restore(snapshot, target, mapper, Set.of()).failure();
    }

    /** {@code injected}: the names of the fields Declarative Services sets on {@code target}, left as they are. */
    public static Restoration restore(StateSnapshot snapshot, Object target, ObjectMapper mapper,
            Set<String> injected) {
        Class<?> type = target.getClass();
        List<Assignment> assignments = new ArrayList<>();
        Set<String> carried = new HashSet<>();
        Set<String> nestedDropped = new TreeSet<>();
        for (Map.Entry<String, Field> entry : StateFields.byName(type).entrySet()) {
            Field field = entry.getValue();
            if (injected.contains(entry.getKey())) {
                continue;
            }
            String name = source(entry.getKey(), field, snapshot);
            JsonNode node = snapshot.values().get(name);
            if (StateFields.holdsService(field, type)) {
                Object old = snapshot.objects().get(name);
                if (old != null && field.getType().isInstance(old) && StateFields.read(field, target) == null) {
                    assignments.add(new Assignment(field, old));
                }
                carried.add(name);
            } else if (node != null) {
                Object value;
                UnknownProperties unknown = new UnknownProperties(name);
                try {
                    value = mapper.readerFor(mapper.constructType(field.getGenericType())).withHandler(unknown)
                            .readValue(node);
                } catch (IllegalArgumentException | IOException e) {
                    return Restoration.failed("field_type_changed:" + name);
                }
                nestedDropped.addAll(unknown.names);
                if (value != null || !field.getType().isPrimitive()) {
                    assignments.add(new Assignment(field, value));
                }
                carried.add(name);
            } else if (snapshot.objects().containsKey(name)) {
                Object old = snapshot.objects().get(name);
                boolean fits = old == null ? !field.getType().isPrimitive() : field.getType().isInstance(old);
                if (fits) {
                    assignments.add(new Assignment(field, old));
                    carried.add(name);
                }
            }
        }
        for (Assignment a : assignments) {
            a.apply(target);
        }
        List<String> dropped = new ArrayList<>(dropped(snapshot, carried));
        dropped.addAll(nestedDropped);
        return new Restoration(Optional.empty(), List.copyOf(dropped));
    }

    private static String source(String name, Field field, StateSnapshot snapshot) {
        CarriedFrom from = field.getAnnotation(CarriedFrom.class);
        return from == null || snapshot.has(name) ? name : from.value();
    }

    private static List<String> dropped(StateSnapshot snapshot, Set<String> carried) {
        Set<String> dropped = new TreeSet<>(snapshot.values().keySet());
        dropped.addAll(snapshot.unserializable());
        dropped.addAll(snapshot.oldRevision());
        dropped.removeAll(carried);
        return List.copyOf(dropped);
    }

    /**
     * The properties of values inside a field (a record's components, the fields of a nested class) that the new
     * class no longer has: their values are not carried, so they are named, e.g. {@code items: Item.name}.
     */
    private static final class UnknownProperties extends DeserializationProblemHandler {

        private final String field;
        private final Set<String> names = new TreeSet<>();

        UnknownProperties(String field) {
            this.field = field;
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
            Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass == null ? null : beanOrClass.getClass();
            names.add(field + ": " + (type == null ? "" : type.getSimpleName() + ".") + propertyName);
            parser.skipChildren();
            return true;
        }
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
