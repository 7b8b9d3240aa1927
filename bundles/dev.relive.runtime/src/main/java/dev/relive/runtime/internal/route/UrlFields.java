package dev.relive.runtime.internal.route;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.relive.api.LiveView;
import dev.relive.api.QueryParam;
import dev.relive.api.RouteParam;

/**
 * Sets a view's {@link RouteParam} and {@link QueryParam} fields from a URL's parameters, all or nothing: every
 * value is converted before any field is set.
 */
public final class UrlFields {

    /**
     * Each view class's URL fields, found and made accessible once per class (a class Hot View Replacement loads is
     * another class, with fields of its own). A class with a field that cannot hold a URL parameter is refused on
     * every mount: nothing is remembered for it.
     */
    private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            return List.copyOf(fields(type));
        }
    };

    private UrlFields() {
    }

    /**
     * Sets the fields of {@code view} from {@code route} (the route's parameters) and {@code query}.
     *
     * @throws BadParamException when a value does not convert, or a route parameter a field names is missing
     */
    public static void apply(LiveView view, Map<String, String> route, Map<String, String> query) {
        Map<Field, Object> values = new LinkedHashMap<>();
        for (Field field : FIELDS.get(view.getClass())) {
            RouteParam fromRoute = field.getAnnotation(RouteParam.class);
            if (fromRoute != null) {
                String name = fromRoute.value().isEmpty() ? field.getName() : fromRoute.value();
                String text = route.get(name);
                if (text == null) {
                    throw new BadParamException("the route has no parameter '" + name + "'");
                }
                values.put(field, ParamConverter.convert(name, text, field.getType()));
            }
            QueryParam fromQuery = field.getAnnotation(QueryParam.class);
            if (fromQuery != null) {
                String name = fromQuery.value().isEmpty() ? field.getName() : fromQuery.value();
                String text = query.get(name);
                if (text == null && !fromQuery.ifAbsent().isEmpty()) {
                    text = fromQuery.ifAbsent();
                }
                values.put(field, ParamConverter.convert(name, text, field.getType()));
            }
        }
        values.forEach((field, value) -> set(view, field, value));
    }

    private static List<Field> fields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != LiveView.class && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if ((f.isAnnotationPresent(RouteParam.class) || f.isAnnotationPresent(QueryParam.class))
                        && !Modifier.isStatic(f.getModifiers())) {
                    if (!ParamConverter.supports(f.getType()) || Modifier.isFinal(f.getModifiers())) {
                        throw new IllegalStateException(c.getName() + "." + f.getName()
                                + " cannot hold a URL parameter: it is final or of an unsupported type");
                    }
                    f.setAccessible(true);
                    fields.add(f);
                }
            }
        }
        return fields;
    }

    private static void set(LiveView view, Field field, Object value) {
        try {
            field.set(view, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set " + field, e);
        }
    }
}
