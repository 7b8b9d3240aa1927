package dev.relive.launcher;

import java.lang.instrument.Instrumentation;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;

/**
 * The JVM's instrumentation, which the launcher jar's manifest asks for ({@code Launcher-Agent-Class}, with
 * {@code Can-Redefine-Classes}). In dev mode it is registered as a service, with which HVR applies a save that changed
 * only method bodies by redefining the running classes; a production run never registers it. Nothing is transformed:
 * the agent only keeps the instance.
 */
public final class ClassRedefinitionAgent {

    private static volatile Instrumentation instrumentation;

    private ClassRedefinitionAgent() {
    }

    /** Called by the JVM at its start when given {@code -javaagent:relive.jar}. */
    public static void premain(String arguments, Instrumentation given) {
        instrumentation = given;
    }

    /** Called by the JVM before {@code main} when the jar is run with {@code java -jar}. */
    public static void agentmain(String arguments, Instrumentation given) {
        instrumentation = given;
    }

    /** Registers the instrumentation for HVR in dev mode, when the JVM gave it and can redefine classes. */
    static void registerInDev(BundleContext context, LaunchOptions options) {
        Instrumentation found = instrumentation;
        if (options.dev() && found != null && found.isRedefineClassesSupported()) {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("relive.purpose", "hvr-redefine-bodies");
            context.registerService(Instrumentation.class, found, properties);
        }
    }
}
