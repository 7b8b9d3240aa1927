package dev.relive.launcher;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;

/** Records in the start-up profile when the HTTP runtime (Jetty) registers its service. */
final class HttpUp implements ServiceListener {

    private static final String FILTER = "(objectClass=org.osgi.service.servlet.runtime.HttpServiceRuntime)";

    private final StartupProfile profile;

    private HttpUp(StartupProfile profile) {
        this.profile = profile;
    }

    static void record(BundleContext context, StartupProfile profile) throws InvalidSyntaxException {
        context.addServiceListener(new HttpUp(profile), FILTER);
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        if (event.getType() == ServiceEvent.REGISTERED) {
            profile.moment("Jetty up (HTTP runtime registered)");
        }
    }
}
