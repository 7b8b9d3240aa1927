package dev.relive.runtime.internal.swap;

import java.util.function.Predicate;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Whether every bundle that gets a service gets the same object, so that one more user keeps it alive: a service of
 * singleton scope, or a Declarative Services component of singleton scope (SCR registers those as service factories,
 * which the framework reports as bundle scope).
 */
final class SharedService implements Predicate<ServiceReference<?>> {

    private final ServiceComponentRuntime scr;

    SharedService(ServiceComponentRuntime scr) {
        this.scr = scr;
    }

    @Override
    public boolean test(ServiceReference<?> ref) {
        Object scope = ref.getProperty(Constants.SERVICE_SCOPE);
        if (Constants.SCOPE_SINGLETON.equals(scope)) {
            return true;
        }
        Object name = ref.getProperty("component.name");
        if (!Constants.SCOPE_BUNDLE.equals(scope) || name == null || ref.getBundle() == null) {
            return false;
        }
        ComponentDescriptionDTO description = scr.getComponentDescriptionDTO(ref.getBundle(), name.toString());
        return description != null && "singleton".equals(description.scope);
    }
}
