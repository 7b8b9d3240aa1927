package dev.relive.test.bench;

import java.util.List;
import java.util.Map;

import dev.relive.test.LivePage;
import dev.relive.test.LiveRuntime;
import dev.relive.test.internal.ClassPathBundles;

/**
 * How fast the harness drives a runtime: sequential mounts (GET the page, open a socket, mount, close) and
 * sequential events on one page (each waits for its patch), after a warm-up, and sequential sign-ins of a new
 * browser through the login form. Prints mounts/s, events/s, the time to add a user and sign-ins/s.
 *
 * <p>Arguments: {@code --mounts N} (default 300), {@code --events N} (default 3000), {@code --signins N}
 * (default 100).
 */
public final class HarnessBenchmark {

    private HarnessBenchmark() {
    }

    public static void main(String[] args) {
        int mounts = intArg(args, "--mounts", 300);
        int events = intArg(args, "--events", 3000);
        int signIns = intArg(args, "--signins", 100);
        long started = System.nanoTime();
        try (LiveRuntime relive = LiveRuntime.start(
                ClassPathBundles.named(List.of("dev.relive.testlib", "dev.relive.testviews")), false)) {
            System.out.printf("runtime started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            mountMany(relive, Math.max(20, mounts / 5));
            double mountRate = mountMany(relive, mounts);
            try (LivePage page = relive.mount("/test/echo")) {
                clickMany(page, Math.max(100, events / 5));
                double eventRate = clickMany(page, events);
                System.out.printf("mounts: %d in sequence, %.0f mounts/s%n", mounts, mountRate);
                System.out.printf("events: %d in sequence, %.0f events/s (count %s)%n", events, eventRate,
                        page.text("#count"));
            }
            long adding = System.nanoTime();
            relive.addUser("bench", "bench-pw", "user");
            System.out.printf("addUser: %d ms%n", (System.nanoTime() - adding) / 1_000_000);
            signInMany(relive, Math.max(10, signIns / 5));
            System.out.printf("sign-ins: %d in sequence, %.0f sign-ins/s%n", signIns, signInMany(relive, signIns));
        }
        System.exit(0);
    }

    private static double mountMany(LiveRuntime relive, int n) {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            try (LivePage page = relive.mount("/test/echo?greeting=g" + i)) {
                if (!page.text("#greeting").equals("g" + i)) {
                    throw new IllegalStateException("wrong page " + page.html());
                }
            }
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static double signInMany(LiveRuntime relive, int n) {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            relive.signIn("bench", "bench-pw");
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static double clickMany(LivePage page, int n) {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            page.event("add", Map.of("amount", 1));
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
