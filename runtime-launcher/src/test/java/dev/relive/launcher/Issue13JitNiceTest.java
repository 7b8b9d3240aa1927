package dev.relive.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * {@code --jit-nice}: the JIT's compiler threads give way to the launch and the saves in dev, to the launch only in
 * production; {@code LauncherIT} checks a launch of each.
 */
class Issue13JitNiceTest {

    @Test
    void devNicesTheCompilerThreadsForTheRunAndProductionUntilReady() {
        LaunchOptions dev = LaunchOptions.parse(new String[] {"--dev"});
        assertThat(dev.jitNice()).isEqualTo(10);
        assertThat(dev.jitNiceUntilReady()).isFalse();
        LaunchOptions production = LaunchOptions.parse(new String[] {});
        assertThat(production.jitNice()).isEqualTo(10);
        assertThat(production.jitNiceUntilReady()).isTrue();
        // a niceness asked for is kept for the whole run, in either mode
        assertThat(LaunchOptions.parse(new String[] {"--dev", "--jit-nice", "0"}).jitNice()).isZero();
        LaunchOptions asked = LaunchOptions.parse(new String[] {"--jit-nice", "19"});
        assertThat(asked.jitNice()).isEqualTo(19);
        assertThat(asked.jitNiceUntilReady()).isFalse();
    }

    @Test
    void whetherThePriorityCanBeRaisedAgainIsReadFromTheCapabilitiesAndTheNiceLimit() {
        String status = "Name:\tjava\nCapInh:\t0000000000000000\nCapPrm:\t00000000a80425fb\n"
                + "CapEff:\t%s\nCapBnd:\t00000000a80425fb\n";
        // a container's usual set has no CAP_SYS_NICE (bit 23); root's full set has it
        assertThat(CompilerThreads.hasCapability(status.formatted("00000000a80425fb"), 23)).isFalse();
        assertThat(CompilerThreads.hasCapability(status.formatted("000001ffffffffff"), 23)).isTrue();
        assertThat(CompilerThreads.hasCapability(status.formatted("0000000000800000"), 23)).isTrue();
        assertThat(CompilerThreads.hasCapability("Name:\tjava\n", 23)).isFalse();

        String limits = """
                Limit                     Soft Limit           Hard Limit           Units
                Max open files            1024                 1048576              files
                Max nice priority         %s                    %s
                Max realtime priority     0                    0
                """;
        assertThat(CompilerThreads.niceLimit(limits.formatted("0", "0"))).isZero();
        assertThat(CompilerThreads.niceLimit(limits.formatted("20", "40"))).isEqualTo(20);
        assertThat(CompilerThreads.niceLimit(limits.formatted("unlimited", "unlimited"))).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void productionGivesTheCompilerThreadsTheirPriorityBack() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only, as the launcher's lowering");
        int base = CompilerThreads.niceness(Path.of("/proc/self/stat"));
        assumeTrue(base < 7 && CompilerThreads.mayRaisePriorityTo(base), "this process may not raise its priority");
        CompilerThreads compilers = CompilerThreads.niceInBackground(7, true);
        awaitNiceness(7);
        compilers.restoreInBackground();
        awaitNiceness(base);
    }

    /** Waits until every C2 compiler thread of this JVM has {@code nice}; fails after 20 s. */
    private static void awaitNiceness(int nice) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        java.util.List<Integer> seen = niceness();
        while (!(seen.stream().allMatch(n -> n == nice)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            seen = niceness();
        }
        assertThat(seen).isNotEmpty().containsOnly(nice);
    }

    private static java.util.List<Integer> niceness() throws Exception {
        java.util.List<Integer> nice = new java.util.ArrayList<>();
        for (String id : CompilerThreads.compilerThreadIds()) {
            nice.add(CompilerThreads.niceness(Path.of("/proc/self/task", id, "stat")));
        }
        return nice;
    }

    @Test
    void aNicenessOutOfRangeOrNotANumberIsRefused() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--jit-nice", "20"}))
                .hasMessageContaining("from 0 to 19");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--jit-nice", "-1"}))
                .hasMessageContaining("from 0 to 19");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--jit-nice", "low"}))
                .hasMessageContaining("needs a number");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--jit-nice"})).hasMessageContaining("a value");
    }

    @Test
    void theCompilerThreadsAreFoundByName() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only, as the launcher's lowering");
        // this JVM runs with C2 (surefire's JVM is not limited to C1)
        assertThat(CompilerThreads.compilerThreadIds()).isNotEmpty()
                .allSatisfy(id -> assertThat(Files.readString(Path.of("/proc/self/task", id, "comm")))
                        .startsWith("C2 CompilerThre"));
    }
}
