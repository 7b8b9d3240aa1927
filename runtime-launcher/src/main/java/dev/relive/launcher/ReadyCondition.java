package dev.relive.launcher;

import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.service.condition.Condition;

/**
 * The OSGi condition {@value #ID}, registered once the launch is {@code ready} (a page answered): work that no page
 * needs, such as HVR's warm-up in dev, waits for it rather than competing with the launch for the cores.
 */
final class ReadyCondition {

    /** The {@code osgi.condition.id} of the condition. */
    static final String ID = "relive.ready";

    private ReadyCondition() {
    }

    static void register(BundleContext context) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Condition.CONDITION_ID, ID);
        context.registerService(Condition.class, Condition.INSTANCE, properties);
    }
}
