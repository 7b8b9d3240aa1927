package dev.relive.itest;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.dto.ServletContextDTO;

/** Reads the Servlet Whiteboard's runtime DTO. */
final class Whiteboard {

    static final String RUNTIME_BSN = "dev.relive.runtime";

    private Whiteboard() {
    }

    /** Pattern to service id of the servlets that the runtime bundle has registered, in every context. */
    static Map<String, Long> runtimeServlets(HttpServiceRuntime http, BundleContext context) {
        Map<String, Long> servlets = new TreeMap<>();
        for (ServletContextDTO c : http.getRuntimeDTO().servletContextDTOs) {
            Arrays.stream(c.servletDTOs).filter(s -> fromRuntime(context, s.serviceId))
                    .forEach(s -> Arrays.stream(s.patterns).forEach(p -> servlets.put(p, s.serviceId)));
        }
        return servlets;
    }

    /** Waits until the runtime's page and socket servlets are both registered; returns them as above. */
    static Map<String, Long> awaitRuntimeServlets(HttpServiceRuntime http, BundleContext context) {
        return Eventually.await("the runtime's servlets in the whiteboard", () -> runtimeServlets(http, context),
                s -> s.containsKey("/*") && s.containsKey("/relive/socket"));
    }

    static boolean fromRuntime(BundleContext context, long serviceId) {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(null, "(service.id=" + serviceId + ")");
            if (refs == null) {
                return false;
            }
            // null once the service is unregistered, which happens while SCR reactivates the runtime's components
            Bundle owner = refs[0].getBundle();
            return owner != null && RUNTIME_BSN.equals(owner.getSymbolicName());
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
