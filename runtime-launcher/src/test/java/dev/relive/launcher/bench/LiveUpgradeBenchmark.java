package dev.relive.launcher.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.relive.launcher.BundleJars;
import dev.relive.launcher.LauncherProcess;

/**
 * A live upgrade under load: a production runtime with the test views in {@code deploy/}, N sessions on
 * {@code /test/echo} each sending {@code add(1)} at a steady rate, and halfway through the run the view bundle's jar
 * replaced by a new release. Prints the pause each session saw (its longest event round trip, which spans the
 * upgrade), across sessions as p50/p99/max, the round trips before the upgrade for comparison, lost and doubled
 * answers, whether every session's final count is exact (its fields carried, every event applied once), and the
 * runtime's own line for the upgrade. Only prints; exits by itself.
 *
 * <pre>
 * mvn -B -q install -DskipTests
 * mvn -B -q -pl runtime-launcher exec:exec@live-upgrade -Dbench.args="--sessions 1000 --seconds 20 --rate 2"
 * </pre>
 */
public final class LiveUpgradeBenchmark {

    public static void main(String[] args) throws Exception {
        int n = 1000;
        int seconds = 20;
        double rate = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sessions" -> n = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("relive-live-upgrade");
        Path thirdParty = LauncherProcess.thirdParty();
        Files.createDirectories(dir.resolve("deploy"));
        Files.copy(thirdParty.resolve("dev.relive.testlib.jar"), dir.resolve("deploy/testlib.jar"));
        Files.copy(thirdParty.resolve("dev.relive.testviews.jar"), dir.resolve("deploy/testviews.jar"));
        // every simulated user connects from 127.0.0.1
        Files.writeString(dir.resolve("deploy/dev.relive.runtime.cfg"), "max_sessions_per_address=20000\n");
        try (LauncherProcess relive = LauncherProcess.start(dir)) {
            relive.commandUntil("lb", l -> l.contains("Relive test views") && l.contains("Active"),
                    Duration.ofSeconds(60));
            System.out.printf("Relive live upgrade benchmark: production run, %d sessions, %.1f events/s each, %d s%n",
                    n, rate, seconds);
            run(relive, dir, thirdParty.resolve("dev.relive.testviews.jar"), n, seconds, rate);
        }
        System.exit(0);
    }

    private static void run(LauncherProcess relive, Path dir, Path viewsJar, int n, int seconds, double rate)
            throws Exception {
        String token = LoadBenchmark.token(relive, "/test/echo");
        List<LoadSession> sessions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sessions.add(LoadSession.open(relive, "/test/echo", token, new Stats()));
        }
        ScheduledExecutorService senders = Executors.newScheduledThreadPool(2);
        long periodMicros = (long) (1_000_000 / rate);
        for (int i = 0; i < n; i++) {
            LoadSession s = sessions.get(i);
            senders.scheduleAtFixedRate(() -> s.send("add"), (periodMicros * i) / n, periodMicros,
                    TimeUnit.MICROSECONDS);
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds) / 2);
        Stats before = new Stats();
        for (LoadSession s : sessions) {
            before.add(s.rtt.percentile(99));
        }
        BundleJars.release(viewsJar, dir.resolve("deploy/testviews.jar"), "9.0.0");
        String line = relive.waitForLog(l -> l.contains("Live upgrade: dev.relive.testviews") && l.contains("carried"),
                Duration.ofSeconds(120));
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds) / 2);
        senders.shutdownNow();
        senders.awaitTermination(5, TimeUnit.SECONDS);

        Stats pause = new Stats();
        long sent = 0;
        long answered = 0;
        long doubled = 0;
        long lost = 0;
        int exact = 0;
        for (LoadSession s : sessions) {
            s.awaitAll(Duration.ofSeconds(30));
            sent += s.sent.get();
            answered += s.answered.get();
            doubled += s.doubled.get();
            lost += s.pending.size();
            pause.add(s.rtt.percentile(100));
        }
        for (LoadSession s : sessions) {
            if (s.renderCount(Duration.ofSeconds(30)) == s.sent.get()) {
                exact++;
            }
        }
        System.out.printf("events sent=%d answered=%d lost=%d doubled=%d; final counts exact: %d/%d%n", sent, answered,
                lost, doubled, exact, n);
        System.out.printf("before the upgrade, per-session p99 round trip: p50=%s p99=%s%n",
                Stats.ms(before.percentile(50)), Stats.ms(before.percentile(99)));
        System.out.printf("pause per session (longest round trip, spanning the upgrade): p50=%s p99=%s max=%s%n",
                Stats.ms(pause.percentile(50)), Stats.ms(pause.percentile(99)), Stats.ms(pause.percentile(100)));
        System.out.println("runtime: " + line.substring(line.indexOf("Live upgrade:")));
        for (LoadSession s : sessions) {
            s.close();
        }
    }
}
