package dev.relive.runtime.internal.swap;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;

/**
 * The fields Declarative Services injects into a view component, as its component description lists them (field
 * references; {@code @Reference} on a field is not retained at run time). They belong to the component, not to its
 * state: a swap neither captures nor restores them. Read once per service: one per swap. Thread-safe.
 */
public class InjectedFields {

    private final ServiceComponentRuntime scr;
    private final Map<ServiceReference<?>, Set<String>> known = new ConcurrentHashMap<>();

    /** The injected field names of a component, by its service, for code outside this package. */
    public static Function<ServiceReference<?>, Set<String>> lookup(ServiceComponentRuntime scr) {
        return new InjectedFields(scr)::of;
    }

    InjectedFields(ServiceComponentRuntime scr) {
        this.scr = scr;
    }

    /** The injected field names of the component registered as {@code ref}; empty when it is not a DS component. */
    Set<String> of(ServiceReference<?> ref) {
        return known.computeIfAbsent(ref, this::read);
    }

    private Set<String> read(ServiceReference<?> ref) {
        Object name = ref.getProperty("component.name");
        if (name == null || ref.getBundle() == null) {
            return Set.of();
        }
        ComponentDescriptionDTO description = scr.getComponentDescriptionDTO(ref.getBundle(), name.toString());
        if (description == null || description.references == null) {
            return Set.of();
        }
        Set<String> fields = new HashSet<>();
        for (ReferenceDTO reference : description.references) {
            if (reference.field != null) {
                fields.add(reference.field);
            }
        }
        return Set.copyOf(fields);
    }
}
