package dev.relive.runtime.internal.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The Jackson configuration for carrying state: fields only (any visibility; no getters, setters or creators
 * except records' canonical constructors), unknown properties ignored, empty beans allowed, java.time as text.
 *
 * <p>A mapper caches serializers per class, which keeps those classes (and their bundle's class loader) alive:
 * use one mapper per swap, not one for the lifetime of the runtime.
 */
public final class StateMapper {

    private StateMapper() {
    }

    public static ObjectMapper create() {
        return builder().annotationIntrospector(new CarriedFromAliases()).build();
    }

    /**
     * A mapper that reads the values of a newer revision of a bundle (whose classes {@code newer} loads) into the
     * classes of an older one: a property that the newer class renamed with {@code @CarriedFrom("old")} is read
     * back into {@code old}.
     */
    public static ObjectMapper forOlderRevision(ClassLoader newer) {
        return builder().annotationIntrospector(new CarriedFromAliases.Reversed(newer)).build();
    }

    private static JsonMapper.Builder builder() {
        return JsonMapper.builder()
                .visibility(PropertyAccessor.ALL, Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, Visibility.ANY)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .addModule(new JavaTimeAsText());
    }
}
