package dev.relive.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The error messages of a form, by field name, in the order of the form's rules: what {@link FormRules} found. An
 * immutable value, meant to be a view field (state, carried by Hot View Replacement) that the template reads:
 * {@code errors.get("title")} next to the field, {@code errors.first()} for the field to focus.
 *
 * @param fields the message of each invalid field, in rule order
 */
public record FormErrors(Map<String, String> fields) {

    /** No errors. */
    public static final FormErrors NONE = new FormErrors(Map.of());

    public FormErrors {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** The message of {@code field}, or {@code null} when it is valid. */
    public String get(String field) {
        return fields.get(field);
    }

    /** The first invalid field, in rule order, or {@code null} when there is none. */
    public String first() {
        return fields.isEmpty() ? null : fields.keySet().iterator().next();
    }

    /** These errors with {@code field}'s message set ({@code null}: the field is valid). */
    public FormErrors with(String field, String message) {
        Map<String, String> next = new LinkedHashMap<>(fields);
        if (message == null) {
            next.remove(field);
        } else {
            next.put(field, message);
        }
        return new FormErrors(next);
    }
}
