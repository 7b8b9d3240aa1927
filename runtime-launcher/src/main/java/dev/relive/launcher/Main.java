package dev.relive.launcher;

/**
 * {@code java -jar relive.jar [--dev] [--port N] [--host H] [--deploy DIR] [--workspace DIR] [--check]}.
 *
 * <p>Starts Apache Felix with the runtime's bundles (plus the dev bundles with {@code --dev}), serves HTTP, watches
 * the deploy folder and offers the Gogo shell on the terminal, or reads commands line by line from standard input
 * when there is no terminal. {@code --check} only resolves the bundle set and exits non-zero if anything is missing.
 */
public final class Main {

    /** Held so that the level set on it stays (JUL keeps loggers weakly). */
    private static final java.util.logging.Logger JLINE_LOG = java.util.logging.Logger.getLogger("org.jline");

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
        try {
            int status = options.check() ? new ResolutionCheck(options).run() : new RunningRelive(options,
                    new StartupProfile(options.profileStartup(), mainNanos)).run();
            System.exit(status);
        } catch (Exception e) {
            System.err.println("relive: failed to start: " + e);
            System.exit(1);
        }
    }

    /** Jetty and friends log through SLF4J: warnings only, unless the user set a level. */
    private static void quietLogging() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.log.dev.relive",
                System.getProperty("org.slf4j.simpleLogger.log.dev.relive", "info"));
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        // without a terminal jline warns that it falls back to a dumb one: expected, so not worth a line
        JLINE_LOG.setLevel(java.util.logging.Level.SEVERE);
    }
}
