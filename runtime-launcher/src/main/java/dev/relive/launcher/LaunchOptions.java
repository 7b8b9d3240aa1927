package dev.relive.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's command line. {@code clusterMembers} is empty unless {@code --cluster} was given; then the cluster
 * bundles are installed and this member listens on {@code clusterPort}.
 */
record LaunchOptions(boolean dev, int port, String host, Path deploy, Path workspace, boolean check,
        boolean profileStartup, boolean help, List<String> clusterMembers, int clusterPort, int jitNice,
        boolean jitNiceUntilReady) {

    static final int DEFAULT_CLUSTER_PORT = 5701;
    /**
     * The C2 compiler threads' niceness unless {@code --jit-nice} says otherwise: for the whole run in dev mode, until
     * {@code ready} in production (where the process may raise it again, see {@link CompilerThreads}).
     */
    static final int DEFAULT_JIT_NICE = 10;

    static final String USAGE = """
            usage: java -jar relive.jar [--dev] [--port N] [--host H] [--deploy DIR] [--workspace DIR] [--check]
                                   [--profile-startup] [--jit-nice N] [--cluster HOST:PORT,... [--cluster-port N]]
              --dev              add Hot View Replacement (dev.relive.hvr) and dev error pages
              --port N           HTTP port (default 8080; 0 picks a free port)
              --host H           address to listen on (default 127.0.0.1)
              --deploy DIR       watched folder for bundles and .cfg/.config files (default ./deploy)
              --workspace DIR    project folder whose bundle projects HVR watches (default: the working directory)
              --check            resolve the bundle set and exit (non-zero when a requirement is missing)
              --profile-startup  print where start-up time goes once HTTP answers
              --jit-nice N       niceness (0-19) of the JIT's C2 compiler threads for the whole run, on Linux
                                 (default: 10 with --dev, so that the launch and saves come first; without --dev
                                 10 until ready, when the process may raise it again; 0 leaves them)
              --cluster LIST     join a cluster (embedded Hazelcast) with these members, e.g.
                                 127.0.0.1:5701,127.0.0.1:5702; members on loopback or a private network only
              --cluster-port N   this member's cluster port (default 5701)""";

    static LaunchOptions parse(String[] args) {
        boolean dev = false;
        boolean check = false;
        boolean help = false;
        boolean profileStartup = false;
        int port = 8080;
        String host = "127.0.0.1";
        Path deploy = Path.of("deploy");
        Path workspace = Path.of("");
        List<String> clusterMembers = List.of();
        int clusterPort = DEFAULT_CLUSTER_PORT;
        Integer jitNice = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--dev" -> dev = true;
                case "--check" -> check = true;
                case "--profile-startup" -> profileStartup = true;
                case "-h", "--help" -> help = true;
                case "--port" -> port = parsePort(value(args, ++i, arg));
                case "--host" -> host = value(args, ++i, arg);
                case "--deploy" -> deploy = Path.of(value(args, ++i, arg));
                case "--workspace" -> workspace = Path.of(value(args, ++i, arg));
                case "--cluster" -> clusterMembers = members(value(args, ++i, arg));
                case "--cluster-port" -> clusterPort = parsePort(value(args, ++i, arg));
                case "--jit-nice" -> jitNice = parseNice(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new LaunchOptions(dev, port, host, deploy.toAbsolutePath().normalize(),
                workspace.toAbsolutePath().normalize(), check, profileStartup, help, clusterMembers, clusterPort,
                jitNice != null ? jitNice : DEFAULT_JIT_NICE, jitNice == null && !dev);
    }

    /** Whether this launch joins a cluster. */
    boolean cluster() {
        return !clusterMembers.isEmpty();
    }

    private static List<String> members(String list) {
        List<String> members = new ArrayList<>();
        for (String member : list.split(",")) {
            String m = member.strip();
            if (m.isEmpty()) {
                continue;
            }
            int colon = m.lastIndexOf(':');
            if (colon <= 0 || colon == m.length() - 1) {
                throw new IllegalArgumentException("a cluster member is host:port, not " + m);
            }
            parsePort(m.substring(colon + 1));
            members.add(m);
        }
        if (members.isEmpty()) {
            throw new IllegalArgumentException("--cluster needs at least one host:port");
        }
        return List.copyOf(members);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int parseNice(String s) {
        try {
            int nice = Integer.parseInt(s);
            if (nice < 0 || nice > 19) {
                throw new IllegalArgumentException("--jit-nice is from 0 to 19, not " + s);
            }
            return nice;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--jit-nice needs a number, not " + s);
        }
    }

    private static int parsePort(String s) {
        try {
            int port = Integer.parseInt(s);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + s);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port number: " + s);
        }
    }
}
