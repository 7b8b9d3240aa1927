package dev.relive.runtime.internal.session;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.relive.runtime.internal.state.StateFields;

/**
 * The field values of a session's views before a change (a handler, a binding, a tick, a push), so that a change
 * that throws, or whose render fails, can be undone and the views keep their last good state.
 */
final class LastGoodState {

    private final Map<Slot, Object[]> values;

    private LastGoodState(Map<Slot, Object[]> values) {
        this.values = values;
    }

    static LastGoodState of(List<Slot> slots) {
        Map<Slot, Object[]> values = new LinkedHashMap<>();
        for (Slot slot : slots) {
            values.put(slot, read(slot));
        }
        return new LastGoodState(values);
    }

    /** Sets every non-final field back to its saved value. */
    void restore() {
        values.forEach((slot, saved) -> {
            List<Field> fields = StateFields.of(slot.view.getClass());
            for (int i = 0; i < saved.length && i < fields.size(); i++) {
                Field f = fields.get(i);
                if (!Modifier.isFinal(f.getModifiers())) {
                    try {
                        f.set(slot.view, saved[i]);
                    } catch (IllegalAccessException | IllegalArgumentException e) {
                        // leave it
                    }
                }
            }
        });
    }

    private static Object[] read(Slot slot) {
        List<Field> fields = StateFields.of(slot.view.getClass());
        Object[] saved = new Object[fields.size()];
        for (int i = 0; i < saved.length; i++) {
            try {
                saved[i] = fields.get(i).get(slot.view);
            } catch (IllegalAccessException e) {
                saved[i] = null;
            }
        }
        return saved;
    }
}
