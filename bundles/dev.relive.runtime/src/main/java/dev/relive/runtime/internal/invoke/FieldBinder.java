package dev.relive.runtime.internal.invoke;

import java.lang.reflect.Field;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.api.Bind;
import dev.relive.api.LiveView;
import dev.relive.runtime.internal.protocol.ErrorCode;
import dev.relive.runtime.internal.state.StateFields;

/** Two-way binding: sets a {@link Bind} field of a view from a client's {@code model} frame. */
public final class FieldBinder {

    private final Supplier<ObjectMapper> json;

    public FieldBinder(ObjectMapper json) {
        this(() -> json);
    }

    /** With the mapper {@code json} gives when a value is first converted. */
    public FieldBinder(Supplier<ObjectMapper> json) {
        this.json = json;
    }

    public void set(LiveView view, String name, JsonNode value) {
        Field field = StateFields.of(view.getClass()).stream()
                .filter(f -> f.getName().equals(name) && f.isAnnotationPresent(Bind.class))
                .findFirst()
                .orElseThrow(() -> new InvocationException(ErrorCode.UNKNOWN_FIELD,
                        view.getClass().getSimpleName() + " has no @Bind field named '" + name + "'", null));
        Object converted;
        try {
            ObjectMapper mapper = value == null || value.isNull() ? null : json.get();
            converted = mapper == null ? null : mapper.convertValue(value, mapper.constructType(field.getGenericType()));
        } catch (IllegalArgumentException e) {
            throw new InvocationException(ErrorCode.BAD_PARAMS, "field '" + name + "' cannot be read as "
                    + field.getGenericType().getTypeName(), null);
        }
        if (converted == null && field.getType().isPrimitive()) {
            throw new InvocationException(ErrorCode.BAD_PARAMS, "field '" + name + "' needs a value", null);
        }
        try {
            field.set(view, converted);
        } catch (IllegalAccessException e) {
            throw new InvocationException(ErrorCode.UNKNOWN_FIELD, "field '" + name + "' cannot be set", e);
        }
    }
}
