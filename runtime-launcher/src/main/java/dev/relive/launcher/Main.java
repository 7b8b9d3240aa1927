package dev.relive.launcher;

/**
 * {@code java -jar relive.jar [--dev] [--port N] [--host H] [--deploy DIR] [--workspace DIR] [--check]
 * [--cluster HOST:PORT,... [--cluster-port N]]}.
 *
 * <p>Starts Apache Felix with the runtime's bundles (plus the dev bundles with {@code --dev}), serves HTTP, watches
 * the deploy folder and offers the Gogo shell on the terminal, or reads commands line by line from standard input
 * when there is no terminal. {@code --cluster} adds an embedded Hazelcast member ({@code dev.relive.cluster}) that
 * joins the listed members. {@code --check} only resolves the bundle set and exits non-zero if anything is missing.
 */
public final class Main {

    /** Held so that the level set on it stays (JUL keeps loggers weakly). */
    private static final java.util.logging.Logger JLINE_LOG = java.util.logging.Logger.getLogger("org.jline");
    /** Hazelcast logs through JUL until a member's own logging (SLF4J) is set up. */
    private static final java.util.logging.Logger HAZELCAST_LOG = java.util.logging.Logger.getLogger("com.hazelcast");

    private Main() {
    }

    public static void main(String[] args) {
        long mainNanos = System.nanoTime();
        quietLogging();
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("relive: " + e.getMessage());
            System.err.println(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LaunchOptions.USAGE);
            return;
        }
        if (options.cluster() || options.check()) {
            clusterProperties();
        }
        try {
            int status = options.check() ? new ResolutionCheck(options).run() : new RunningRelive(options,
                    new StartupProfile(options.profileStartup(), mainNanos)).run();
            System.exit(status);
        } catch (Exception e) {
            System.err.println("relive: failed to start: " + e);
            System.exit(1);
        }
    }

    /**
     * Read by Hazelcast's bundle when it starts, before any member exists: no phone-home, no script engines, and
     * quiet about what it cannot tune (socket keep-alive options, access to JDK internals).
     */
    private static void clusterProperties() {
        System.setProperty("hazelcast.phone.home.enabled", "false");
        System.setProperty("hazelcast.osgi.jsr223.disabled", "true");
        System.setProperty("org.slf4j.simpleLogger.log.com.hazelcast.instance.AddressPicker",
                System.getProperty("org.slf4j.simpleLogger.log.com.hazelcast.instance.AddressPicker", "error"));
        HAZELCAST_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    /**
     * Jetty and friends log through SLF4J ({@code log.LauncherLogging}): warnings only, the runtime's own lines from
     * {@code info}, unless the user set a level.
     */
    private static void quietLogging() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.log.dev.relive",
                System.getProperty("org.slf4j.simpleLogger.log.dev.relive", "info"));
        // without a terminal jline warns that it falls back to a dumb one: expected, so not worth a line
        JLINE_LOG.setLevel(java.util.logging.Level.SEVERE);
    }
}
