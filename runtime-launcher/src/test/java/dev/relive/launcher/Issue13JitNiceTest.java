package dev.relive.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** {@code --jit-nice}: the JIT's compiler threads give way to saves in dev; {@code LauncherIT} checks a launch. */
class Issue13JitNiceTest {

    @Test
    void devNicesTheCompilerThreadsAndProductionLeavesThemUnlessAsked() {
        assertThat(LaunchOptions.parse(new String[] {"--dev"}).jitNice()).isEqualTo(10);
        assertThat(LaunchOptions.parse(new String[] {}).jitNice()).isZero();
        assertThat(LaunchOptions.parse(new String[] {"--dev", "--jit-nice", "0"}).jitNice()).isZero();
        assertThat(LaunchOptions.parse(new String[] {"--jit-nice", "19"}).jitNice()).isEqualTo(19);
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
