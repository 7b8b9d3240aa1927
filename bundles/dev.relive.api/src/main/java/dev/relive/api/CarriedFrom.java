package dev.relive.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the field of the previous version of a {@link LiveView} whose value Hot View Replacement carries into this
 * field, for a field that was renamed: {@code @CarriedFrom("error") private String titleError;}. A field of the old
 * instance with this field's own name still wins; the annotation can stay after the swap. On a component of a record
 * the view keeps in its state ({@code record Item(int id, @CarriedFrom("name") String title)}), or on a field of a
 * class kept there, it carries the old property's values the same way. Has no effect outside development.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface CarriedFrom {

    /** The old field's name. */
    String value();
}
