package dev.relive.hvr.internal.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import aQute.bnd.osgi.Jar;

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

    static final String COMPONENT = """
            package example.counter;

            import org.osgi.service.component.annotations.Component;
            import org.osgi.service.component.annotations.ServiceScope;

            import dev.relive.api.LiveView;
            import dev.relive.api.LiveViewRoute;

            @LiveViewRoute("/counter")
            @Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
            public class CounterComponent extends LiveView {
            }
            """;

    /** ecj (the default) and javac, each warmed once. */
    private static final Map<String, BundleCompiler> compilers = new LinkedHashMap<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void compilers() {
        compilers.put("ecj", BundleCompiler.forJars(TestProjects.compileClassPath()));
        compilers.put("javac", new BundleCompiler(new JarClassPath(TestProjects.compileClassPath()), "javac"));
        compilers.values().forEach(BundleCompiler::warmUp);
    }

    @AfterAll
    static void close() throws Exception {
        for (BundleCompiler compiler : compilers.values()) {
            compiler.close();
        }
    }

    @Test
    void ecjIsTheDefaultAndJavacCanBeChosen() {
        assertThat(compilers.get("ecj").compilerName()).startsWith("ecj 3.46");
        assertThat(compilers.get("javac").compilerName()).startsWith("javac ");
        assertThat(CompilerEngine.ECJ_OPTIONS).containsSubsequence(BundleCompiler.OPTIONS)
                .contains("-parameters", "-g", "-nowarn");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecj", "javac"})
    void compilesEveryFileOfTheProjectWithParameterNames(String name) throws Exception {
        Path project = TestProjects.project(dir, "example.counter",
                Map.of("example/counter/CounterView.java", COUNTER, "example/counter/Step.java", STEP));

        CompileResult result = compilers.get(name).compile(project, dir.resolve("out"));

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
            assertThat(loader.loadClass("example.counter.Step").isRecord()).isTrue();
        }
    }

    /** bnd generates the DS XML from these CLASS-retention annotations, so they must be in the class file. */
    @ParameterizedTest
    @ValueSource(strings = {"ecj", "javac"})
    void keepsClassRetentionAnnotationsAndDebugInfo(String name) throws Exception {
        Path project = TestProjects.project(dir, "example.counter",
                Map.of("example/counter/CounterComponent.java", COMPONENT));

        CompileResult result = compilers.get(name).compile(project, dir.resolve("out"));

        assertThat(result.errors()).isEmpty();
        String classFile = new String(Files.readAllBytes(dir.resolve("out/example/counter/CounterComponent.class")),
                StandardCharsets.ISO_8859_1);
        assertThat(classFile).contains("RuntimeInvisibleAnnotations",
                "Lorg/osgi/service/component/annotations/Component;",
                "Lorg/osgi/service/component/annotations/ServiceScope;", "Ldev/relive/api/LiveViewRoute;",
                "LineNumberTable", "LocalVariableTable", "SourceFile");
    }

    /** ecj points at the last token before the missing semicolon, javac just after it. */
    static Stream<Arguments> syntaxErrors() {
        return Stream.of(Arguments.of("ecj", 17, "Syntax error, insert \";\" to complete BlockStatements"),
                Arguments.of("javac", 18, "';' expected"));
    }

    @ParameterizedTest
    @MethodSource("syntaxErrors")
    void reportsErrorsWithFileLineAndColumnFirstErrorFirst(String name, int column, String message)
            throws Exception {
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

        CompileResult result = compilers.get(name).compile(project, dir.resolve("out"));

        assertThat(result.success()).isFalse();
        CompileError first = result.errors().get(0);
        assertThat(first.file()).isEqualTo(project.resolve("src/main/java/example/broken/A.java"));
        assertThat(first.line()).isEqualTo(5);
        assertThat(first.column()).isEqualTo(column);
        assertThat(first.message()).contains(message);
    }

    static Stream<Arguments> typeErrors() {
        return Stream.of(Arguments.of("ecj", "Missing cannot be resolved to a type"),
                Arguments.of("javac", "cannot find symbol"));
    }

    @ParameterizedTest
    @MethodSource("typeErrors")
    void reportsTypeErrorsWithTheirFile(String name, String message) throws Exception {
        Path project = TestProjects.project(dir, "example.types", Map.of(
                "example/types/B.java", """
                        package example.types;

                        public class B {
                            Missing field;
                        }
                        """));

        CompileResult result = compilers.get(name).compile(project, dir.resolve("out"));

        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo(project.resolve("src/main/java/example/types/B.java"));
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.column()).isEqualTo(5);
            assertThat(e.message()).contains(message);
        });
        assertThat(dir.resolve("out/example/types/B.class")).doesNotExist();
    }

    /** {@code --release 17}: on a newer JDK, its newer API (here Java 21's List.reversed()) is not there. */
    @ParameterizedTest
    @ValueSource(strings = {"ecj", "javac"})
    void compilesAgainstTheJava17Api(String name) throws Exception {
        Path project = TestProjects.project(dir, "example.release", Map.of(
                "example/release/R.java", """
                        package example.release;

                        import java.util.List;

                        public class R {
                            Object last = List.of(1, 2).reversed();
                        }
                        """));

        assertThat(compilers.get(name).compile(project, dir.resolve("out")).errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("reversed()"));
    }

    /** Warnings are not errors, and ecj does not compute them. */
    @ParameterizedTest
    @ValueSource(strings = {"ecj", "javac"})
    void warningsAreNotReported(String name) throws Exception {
        Path project = TestProjects.project(dir, "example.warn", Map.of(
                "example/warn/W.java", """
                        package example.warn;

                        import java.util.ArrayList;
                        import java.util.List;

                        public class W {
                            @SuppressWarnings("unused")
                            private int unused;
                            List raw = new ArrayList();

                            @Deprecated
                            void old() {
                                int local = 1;
                            }
                        }
                        """));

        assertThat(compilers.get(name).compile(project, dir.resolve("out")).errors()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecj", "javac"})
    void aProjectWithoutSourcesIsAnError(String name) throws Exception {
        Path project = TestProjects.project(dir, "example.empty", Map.of());

        assertThat(compilers.get(name).compile(project, dir.resolve("out")).errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("no Java sources"));
    }

    /** A bundle of templates only (a layout, macros) has no source folder: it builds, to no classes. */
    @ParameterizedTest
    @ValueSource(strings = {"ecj", "javac"})
    void aProjectWithoutASourceFolderHoldsResourcesOnlyAndCompilesToNothing(String name) throws Exception {
        Path project = TestProjects.project(dir, "example.kit", Map.of());
        Files.delete(project.resolve("src/main/java"));
        Files.writeString(project.resolve("src/main/resources/layout.peb"), "<main>{{ content }}</main>");

        CompileResult result = compilers.get(name).compile(project, dir.resolve("out"));

        assertThat(result.errors()).isEmpty();
        assertThat(result.success()).isTrue();
    }

    /**
     * The warm-up gives way to a save: the compiler's monitor is not fair, so a save waiting for it could otherwise
     * lose it to each next warm-up compile. ecj asks during its compile too ({@code Issue13EcjCompileTest}).
     */
    @Test
    void issue13TheWarmUpEndsOnceToldTo() {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger askedAfterYes = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger askedAll = new java.util.concurrent.atomic.AtomicInteger();
        BundleCompiler ecj = compilers.get("ecj");
        // told to stop from the second question on: the compile under way ends, and no other starts
        ecj.warmUp(() -> asked.incrementAndGet() >= 2 && askedAfterYes.incrementAndGet() > 0);
        assertThat(askedAfterYes.get()).as("asked once during the compile, once before the next").isEqualTo(2);
        ecj.warmUp(() -> askedAll.incrementAndGet() < 0);
        assertThat(askedAll.get()).as("asked before each of its compiles, and during them")
                .isGreaterThan(BundleCompiler.WARM_UP_ROUNDS);
    }

    @Test
    void refusesAnOutputFolderThatIsNotEmpty() throws Exception {
        Path project = TestProjects.project(dir, "example.counter", Map.of("example/counter/Step.java", STEP));
        Files.writeString(Files.createDirectories(dir.resolve("out")).resolve("stale.class"), "x");

        assertThatThrownBy(() -> compilers.get("ecj").compile(project, dir.resolve("out")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** An exception inside ecj (here: from the file manager, which javac does not call that way) is no compile error. */
    @Test
    void fallsBackToJavacWhenEcjFailsInside() throws Exception {
        ClassPath failingForEcj = new ClassPath() {
            @Override
            public JavaFileManager fileManager(StandardJavaFileManager standard, String bsn, Set<String> own)
                    throws IOException {
                standard.setLocationFromPaths(StandardLocation.CLASS_PATH, TestProjects.compileClassPath());
                return new ForwardingJavaFileManager<>(standard) {
                    @Override
                    public JavaFileObject getJavaFileForInput(Location location, String className,
                            JavaFileObject.Kind kind) throws IOException {
                        if (location == StandardLocation.CLASS_PATH) {
                            throw new IllegalStateException("broken class path");
                        }
                        return super.getJavaFileForInput(location, className, kind);
                    }
                };
            }

            @Override
            public List<Jar> analysisJars(Set<String> referencedPackages, String bsn) {
                return List.of();
            }

            @Override
            public String stamp(String bsn) {
                return "";
            }
        };
        Path project = TestProjects.project(dir, "example.counter",
                Map.of("example/counter/CounterView.java", COUNTER, "example/counter/Step.java", STEP));
        try (BundleCompiler compiler = new BundleCompiler(failingForEcj)) {
            assertThat(compiler.compilerName()).startsWith("ecj");

            CompileResult result = compiler.compile(project, dir.resolve("out"));

            assertThat(result.errors()).isEmpty();
            assertThat(dir.resolve("out/example/counter/CounterView.class")).isRegularFile();
            assertThat(compiler.compilerName()).startsWith("javac");
        }
    }

    /** Not a check: prints the median of 30 warm compiles of a 2-file project with each compiler. */
    @Test
    void warmCompileTime() throws Exception {
        Path project = TestProjects.project(dir, "example.counter",
                Map.of("example/counter/CounterView.java", COUNTER, "example/counter/Step.java", STEP));
        StringBuilder report = new StringBuilder("BundleCompiler warm compile of a 2-file project, 30 runs:");
        for (Map.Entry<String, BundleCompiler> entry : compilers.entrySet()) {
            for (int i = 0; i < 5; i++) {
                entry.getValue().compile(project, dir.resolve("warm-" + entry.getKey() + i));
            }
            long[] micros = new long[30];
            for (int i = 0; i < micros.length; i++) {
                CompileResult result = entry.getValue().compile(project, dir.resolve(entry.getKey() + i));
                assertThat(result.success()).isTrue();
                micros[i] = result.elapsed().toNanos() / 1000;
            }
            Arrays.sort(micros);
            report.append(String.format(" %s median %.1f ms (min %.1f);", entry.getValue().compilerName(),
                    micros[15] / 1000.0, micros[0] / 1000.0));
        }
        System.out.println(report);
    }
}
