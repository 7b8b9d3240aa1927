package dev.relive.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
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

    /**
     * Registers the instrumentation for HVR in dev mode, when the JVM gave it and can redefine classes. Redefines this
     * class with its own bytes first: an agent started with the application (not on the JVM's command line) leaves the
     * JIT's record of what compiled code depends on incomplete until the first redefinition, which therefore discards
     * every compiled method. Done now, that costs the few methods compiled so far, not the warmed-up compiler and
     * runtime at the first save; later redefinitions discard only the code that used the redefined methods.
     */
    static void registerInDev(BundleContext context, LaunchOptions options) {
        Instrumentation found = instrumentation;
        if (options.dev() && found != null && found.isRedefineClassesSupported()) {
            try (InputStream in = ClassRedefinitionAgent.class.getResourceAsStream("ClassRedefinitionAgent.class")) {
                if (in != null) {
                    found.redefineClasses(new ClassDefinition(ClassRedefinitionAgent.class, in.readAllBytes()));
                }
            } catch (IOException | ClassNotFoundException | UnmodifiableClassException | RuntimeException e) {
                System.err.println("relive: the JVM did not redefine a class (" + e
                        + "); HVR updates bundles for every save");
                return;
            }
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("relive.purpose", "hvr-redefine-bodies");
            context.registerService(Instrumentation.class, found, properties);
        }
    }
}
