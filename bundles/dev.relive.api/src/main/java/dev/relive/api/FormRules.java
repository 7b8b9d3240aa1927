package dev.relive.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Validation rules for a submitted value ({@code T}, typically a record of the form's fields), each a field name,
 * a check and the message shown when the check fails. Immutable and thread-safe: keep one in a static field.
 *
 * <pre>{@code
 * static final FormRules<NewTask> RULES = FormRules.<NewTask>create()
 *         .rule("title", t -> !t.title().isBlank(), "A task needs a title.")
 *         .rule("title", t -> t.title().length() <= 80, "At most 80 characters.");
 * }</pre>
 *
 * @param <T> the type of the validated value
 */
public final class FormRules<T> {

    private record Rule<T>(String field, Predicate<? super T> check, String message) {
    }

    private final List<Rule<T>> rules;

    private FormRules(List<Rule<T>> rules) {
        this.rules = List.copyOf(rules);
    }

    public static <T> FormRules<T> create() {
        return new FormRules<>(List.of());
    }

    /** These rules and one more: {@code check} must hold for {@code field}, else {@code message}. */
    public FormRules<T> rule(String field, Predicate<? super T> check, String message) {
        List<Rule<T>> next = new ArrayList<>(rules);
        next.add(new Rule<>(field, check, message));
        return new FormRules<>(next);
    }

    /** Every field's first failing rule, in rule order; {@link FormErrors#NONE} when all hold. */
    public FormErrors validate(T value) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Rule<T> rule : rules) {
            if (!errors.containsKey(rule.field()) && !rule.check().test(value)) {
                errors.put(rule.field(), rule.message());
            }
        }
        return new FormErrors(errors);
    }

    /**
     * {@code previous} with the error of {@code field} checked again against {@code value}, as when the user leaves
     * the field: the other fields' errors stay as they were.
     */
    public FormErrors validateField(T value, String field, FormErrors previous) {
        String message = null;
        for (Rule<T> rule : rules) {
            if (rule.field().equals(field) && !rule.check().test(value)) {
                message = rule.message();
                break;
            }
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (Rule<T> rule : rules) {
            String text = rule.field().equals(field) ? message : previous.get(rule.field());
            if (text != null) {
                errors.putIfAbsent(rule.field(), text);
            }
        }
        return new FormErrors(errors);
    }
}
