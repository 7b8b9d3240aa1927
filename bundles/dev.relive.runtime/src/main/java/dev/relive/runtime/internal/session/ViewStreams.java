package dev.relive.runtime.internal.session;

import java.lang.reflect.Field;
import java.util.List;

import dev.relive.api.LiveStream;
import dev.relive.runtime.internal.render.RenderException;
import dev.relive.runtime.internal.state.StateFields;

/** The {@link LiveStream} fields of views: the changes a render sends, found by the field's name. */
final class ViewStreams {

    private static final ClassValue<List<Field>> STREAM_FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            return StateFields.of(type).stream().filter(f -> LiveStream.class.isAssignableFrom(f.getType())).toList();
        }
    };

    private ViewStreams() {
    }

    /** Takes the changes of the view's stream field {@code name}. */
    static List<? extends LiveStream.Change<?>> take(Object view, String name) {
        for (Field f : STREAM_FIELDS.get(view.getClass())) {
            if (f.getName().equals(name)) {
                LiveStream<?> stream = read(f, view);
                if (stream == null) {
                    throw new RenderException(view.getClass().getSimpleName() + "." + name + " is null", null);
                }
                return stream.takeChanges();
            }
        }
        throw new RenderException(view.getClass().getSimpleName() + " has no LiveStream field '" + name
                + "' for rl-stream", null);
    }

    /** Forgets the changes of every stream of the view (those of containers the template did not render). */
    static void forget(Object view) {
        for (Field f : STREAM_FIELDS.get(view.getClass())) {
            LiveStream<?> stream = read(f, view);
            if (stream != null) {
                stream.takeChanges();
            }
        }
    }

    private static LiveStream<?> read(Field f, Object view) {
        try {
            return (LiveStream<?>) f.get(view);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + f, e);
        }
    }
}
