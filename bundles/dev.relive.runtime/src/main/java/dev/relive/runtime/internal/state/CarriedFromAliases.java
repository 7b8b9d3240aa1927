package dev.relive.runtime.internal.state;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedField;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;

import dev.relive.api.CarriedFrom;

/**
 * Reads {@link CarriedFrom} inside state values as the property's old name: a record component or a nested class's
 * field renamed with the annotation takes the old value, as a view's own field does.
 */
class CarriedFromAliases extends JacksonAnnotationIntrospector {

    private static final long serialVersionUID = 1L;

    @Override
    public List<PropertyName> findPropertyAliases(Annotated member) {
        CarriedFrom from = _findAnnotation(member, CarriedFrom.class);
        if (from == null) {
            return super.findPropertyAliases(member);
        }
        return List.of(PropertyName.construct(from.value()));
    }

    /**
     * The other way: values of a newer revision read into an older revision's classes. A property {@code old} of an
     * older class takes the value of the newer class's property that names it in {@code @CarriedFrom("old")}.
     */
    static final class Reversed extends CarriedFromAliases {

        private static final long serialVersionUID = 1L;

        private final transient ClassLoader newer;

        Reversed(ClassLoader newer) {
            this.newer = newer;
        }

        @Override
        public List<PropertyName> findPropertyAliases(Annotated member) {
            Class<?> owner;
            String name;
            if (member instanceof AnnotatedField field) {
                owner = field.getDeclaringClass();
                name = field.getName();
            } else if (member instanceof AnnotatedParameter parameter && parameter.getDeclaringClass().isRecord()
                    && parameter.getIndex() < parameter.getDeclaringClass().getRecordComponents().length) {
                owner = parameter.getDeclaringClass();
                name = owner.getRecordComponents()[parameter.getIndex()].getName();
            } else {
                return super.findPropertyAliases(member);
            }
            List<PropertyName> aliases = new ArrayList<>();
            Class<?> counterpart = counterpart(owner);
            if (counterpart != null) {
                for (String renamed : renamedFrom(counterpart, name)) {
                    aliases.add(PropertyName.construct(renamed));
                }
            }
            return aliases.isEmpty() ? null : aliases;
        }

        private Class<?> counterpart(Class<?> older) {
            if (newer == null || older.getClassLoader() == null || older.getClassLoader() == newer) {
                return null;
            }
            try {
                return Class.forName(older.getName(), false, newer);
            } catch (ClassNotFoundException | LinkageError e) {
                return null;
            }
        }

        /** The properties of {@code type} that {@code @CarriedFrom} says were called {@code old}. */
        private static List<String> renamedFrom(Class<?> type, String old) {
            List<String> names = new ArrayList<>();
            if (type.isRecord()) {
                for (RecordComponent c : type.getRecordComponents()) {
                    CarriedFrom from = c.getAnnotation(CarriedFrom.class);
                    if (from == null) {
                        try {
                            from = type.getDeclaredField(c.getName()).getAnnotation(CarriedFrom.class);
                        } catch (NoSuchFieldException e) {
                            // a record's components are its fields
                        }
                    }
                    if (from != null && from.value().equals(old)) {
                        names.add(c.getName());
                    }
                }
                return names;
            }
            for (Field f : type.getDeclaredFields()) {
                CarriedFrom from = f.getAnnotation(CarriedFrom.class);
                if (from != null && from.value().equals(old)) {
                    names.add(f.getName());
                }
            }
            return names;
        }
    }
}
