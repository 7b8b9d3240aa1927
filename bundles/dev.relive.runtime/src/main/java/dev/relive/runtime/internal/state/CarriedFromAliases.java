package dev.relive.runtime.internal.state;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;

import dev.relive.api.CarriedFrom;

/**
 * Reads {@link CarriedFrom} inside state values as the property's old name: a record component or a nested class's
 * field renamed with the annotation takes the old value, as a view's own field does.
 */
final class CarriedFromAliases extends JacksonAnnotationIntrospector {

    private static final long serialVersionUID = 1L;

    @Override
    public List<PropertyName> findPropertyAliases(Annotated member) {
        CarriedFrom from = _findAnnotation(member, CarriedFrom.class);
        if (from == null) {
            return super.findPropertyAliases(member);
        }
        return List.of(PropertyName.construct(from.value()));
    }
}
