package dev.relive.hvr.internal.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.relive.hvr.internal.testing.TestProjects;

class BundleCompilerTest {

    static final String COUNTER = """
            package example.counter;

            import dev.relive.api.EventHandler;
            import dev.relive.api.LiveView;
            import dev.relive.api.ViewSession;

            public class CounterView extends LiveView {
                private int count;
                private final Step step = new Step(1);

                @EventHandler
                public void add(int amount, ViewSession session) {
                    count += amount * step.size();
                }
            }
            """;
    static final String STEP = """
            package example.counter;

            record Step(int size) {
            }
            """;

    private static BundleCompiler compiler;

    @TempDir
    Path dir;

    @BeforeAll
    static void compiler() {
        compiler = BundleCompiler.forJars(TestProjects.compileClassPath());
        compiler.warmUp();
    }

    @AfterAll
    static void close() throws Exception {
        compiler.close();
    }

    @Test
    void compilesEveryFileOfTheProjectWithParameterNames() throws Exception {
        Path project = TestProjects.project(dir, "example.counter",
                Map.of("example/counter/CounterView.java", COUNTER, "example/counter/Step.java", STEP));

        CompileResult result = compiler.compile(project, dir.resolve("out"));

        assertThat(result.errors()).isEmpty();
        assertThat(result.success()).isTrue();
        assertThat(dir.resolve("out/example/counter/CounterView.class")).isRegularFile();
        assertThat(dir.resolve("out/example/counter/Step.class")).isRegularFile();
        try (URLClassLoader loader = TestProjects.loader(result.outputDir(), getClass().getClassLoader())) {
            Class<?> view = loader.loadClass("example.counter.CounterView");
            Method add = Arrays.stream(view.getMethods()).filter(m -> m.getName().equals("add")).findFirst()
                    .orElseThrow();
            assertThat(add.getParameters()).allMatch(Parameter::isNamePresent)
                    .extracting(Parameter::getName).containsExactly("amount", "session");
        }
    }

    @Test
    void reportsErrorsWithFileLineAndColumnFirstErrorFirst() throws Exception {
        Path project = TestProjects.project(dir, "example.broken", Map.of(
                "example/broken/A.java", """
                        package example.broken;

                        public class A {
                            void ok() {
                                int x = 1
                            }
                        }
                        """,
                "example/broken/B.java", """
                        package example.broken;

                        public class B {
                            Missing field;
                        }
                        """));

        CompileResult result = compiler.compile(project, dir.resolve("out"));

        assertThat(result.success()).isFalse();
        CompileError first = result.errors().get(0);
        assertThat(first.file()).isEqualTo(project.resolve("src/main/java/example/broken/A.java"));
        assertThat(first.line()).isEqualTo(5);
        assertThat(first.column()).isEqualTo(18);
        assertThat(first.message()).contains("';' expected");
    }

    @Test
    void reportsTypeErrorsWithTheirFile() throws Exception {
        Path project = TestProjects.project(dir, "example.types", Map.of(
                "example/types/B.java", """
                        package example.types;

                        public class B {
                            Missing field;
                        }
                        """));

        CompileResult result = compiler.compile(project, dir.resolve("out"));

        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo(project.resolve("src/main/java/example/types/B.java"));
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.message()).contains("cannot find symbol");
        });
    }

    @Test
    void aProjectWithoutSourcesIsAnError() throws Exception {
        Path project = TestProjects.project(dir, "example.empty", Map.of());

        assertThat(compiler.compile(project, dir.resolve("out")).errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("no Java sources"));
    }

    @Test
    void refusesAnOutputFolderThatIsNotEmpty() throws Exception {
        Path project = TestProjects.project(dir, "example.counter", Map.of("example/counter/Step.java", STEP));
        Files.writeString(Files.createDirectories(dir.resolve("out")).resolve("stale.class"), "x");

        assertThatThrownBy(() -> compiler.compile(project, dir.resolve("out")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void warmCompileTime() throws Exception {
        Path project = TestProjects.project(dir, "example.counter",
                Map.of("example/counter/CounterView.java", COUNTER, "example/counter/Step.java", STEP));
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            CompileResult result = compiler.compile(project, dir.resolve("out" + i));
            assertThat(result.success()).isTrue();
            micros.add(result.elapsed().toNanos() / 1000);
        }
        micros.sort(null);
        System.out.printf("BundleCompiler warm compile of a 2-file project: median %.1f ms, min %.1f ms%n",
                micros.get(20) / 1000.0, micros.get(0) / 1000.0);
    }
}
