package dev.relive.runtime.internal.state;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.api.CarriedFrom;

/**
 * Puts the state of a view instance into an instance of an older revision of its class: the other way of a swap's
 * restore, for an instance Hot View Replacement replaced whose code still runs (a thread it started). A field or
 * record component the newer class renamed with {@code @CarriedFrom("old")} goes back into {@code old}.
 */
public final class OlderRevision {

    private OlderRevision() {
    }

    /**
     * Sets {@code older}'s fields from {@code newer}'s. All or nothing, like {@link StateRestorer}: on failure nothing
     * has changed. {@link Restoration#dropped()} names what the older classes cannot hold: a field new in the newer
     * class, or a property of a value inside one ({@code ticks: Tick.tag}).
     */
    public static Restoration restore(Object newer, Object older) {
        ObjectMapper mapper = StateMapper.forOlderRevision(newer.getClass().getClassLoader());
        StateSnapshot state = StateSnapshot.capture(newer, mapper).renamed(renames(newer.getClass(),
                older.getClass()));
        return StateRestorer.restore(state, older, mapper, Set.of());
    }

    /**
     * The fields whose values {@link Restoration#dropped()} says could not be kept whole inside them: a change the
     * older code makes to such a field cannot be carried back without losing those properties.
     */
    public static Set<String> partlyHeld(Restoration restoration) {
        Set<String> fields = new LinkedHashSet<>();
        for (String dropped : restoration.dropped()) {
            int colon = dropped.indexOf(": ");
            if (colon > 0) {
                fields.add(dropped.substring(0, colon));
            }
        }
        return fields;
    }

    /** The name of the field of {@code newer} that takes the value of a field once called {@code old}. */
    public static String newerName(Class<?> newer, String old) {
        Map<String, Field> fields = StateFields.byName(newer);
        if (fields.containsKey(old)) {
            return old;
        }
        for (Map.Entry<String, Field> e : fields.entrySet()) {
            CarriedFrom from = e.getValue().getAnnotation(CarriedFrom.class);
            if (from != null && from.value().equals(old)) {
                return e.getKey();
            }
        }
        return old;
    }

    /** The newer class's fields renamed from a field of the older class: new name to old name. */
    private static Map<String, String> renames(Class<?> newer, Class<?> older) {
        Map<String, Field> olderFields = StateFields.byName(older);
        Map<String, String> renames = new HashMap<>();
        StateFields.byName(newer).forEach((name, field) -> {
            CarriedFrom from = field.getAnnotation(CarriedFrom.class);
            if (from != null && !olderFields.containsKey(name) && olderFields.containsKey(from.value())) {
                renames.put(name, from.value());
            }
        });
        return renames;
    }
}
