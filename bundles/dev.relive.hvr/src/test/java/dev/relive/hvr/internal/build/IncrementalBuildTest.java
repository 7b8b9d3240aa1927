package dev.relive.hvr.internal.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.relive.hvr.internal.testing.TestProjects;

/**
 * {@link BundleCompiler#build}: a save compiles only the changed sources when no other class could compile
 * differently, the changed sources and those using an API they changed, or every source (a constant, a deleted
 * file).
 */
class IncrementalBuildTest {

    private static final String LABELS = """
            package example.counter;

            public final class Labels {
                public static final String PREFIX = "n=";

                private Labels() {
                }

                public static String of(int n) {
                    return PREFIX + n;
                }
            }
            """;
    private static final String BASE = """
            package example.counter;

            public abstract class Base {
                public int step() {
                    return 1;
                }
            }
            """;
    private static final String SUB = """
            package example.counter;

            public class Sub extends Base {
            }
            """;
    private static final String VIEW = """
            package example.counter;

            public class CounterView {
                private int count = 41;

                public String label() {
                    count += new Sub().step();
                    return Labels.of(count);
                }

                public String prefix() {
                    return Labels.PREFIX;
                }

                public Runnable task() {
                    return new Runnable() {
                        @Override
                        public void run() {
                            count++;
                        }
                    };
                }
            }
            """;

    private static final Map<String, BundleCompiler> compilers = new LinkedHashMap<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void compilers() {
        compilers.put("ecj", BundleCompiler.forJars(TestProjects.compileClassPath()));
        compilers.put("javac", new BundleCompiler(new JarClassPath(TestProjects.compileClassPath()), "javac"));
    }

    @AfterAll
    static void close() throws Exception {
        for (BundleCompiler compiler : compilers.values()) {
            compiler.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecj", "javac"})
    void aBodyEditCompilesOnlyItsFile(String name) throws Exception {
        BundleCompiler compiler = compilers.get(name);
        Path project = project();
        assertThat(build(compiler, project)).isEqualTo("compiled 4 of 4: n=42");

        edit(project, "CounterView.java", "count += new Sub().step();", "count += 10 * new Sub().step();");

        assertThat(build(compiler, project)).isEqualTo("compiled 1 of 4: n=51");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecj", "javac"})
    void unchangedSourcesCompileNothingEvenWhenTouched(String name) throws Exception {
        BundleCompiler compiler = compilers.get(name);
        Path project = project();
        build(compiler, project);
        Path view = project.resolve("src/main/java/example/counter/CounterView.java");
        Files.setLastModifiedTime(view, FileTime.fromMillis(System.currentTimeMillis() + 5000));

        assertThat(build(compiler, project)).isEqualTo("compiled 0 of 4: n=42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecj", "javac"})
    void aRenamedMethodAnotherFileCallsIsReportedThere(String name) throws Exception {
        BundleCompiler compiler = compilers.get(name);
        Path project = project();
        build(compiler, project);

        edit(project, "Labels.java", "public static String of(int n)", "public static String label(int n)");

        assertThat(build(compiler, project)).startsWith("errors in [CounterView.java]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecj", "javac"})
    void aChangedSignatureCompilesTheClassesThatUseItAndNoOthers(String name) throws Exception {
        BundleCompiler compiler = compilers.get(name);
        Path project = project();
        build(compiler, project);

        edit(project, "Labels.java", "public static String of(int n)", "public static String of(long n)");

        // Labels and CounterView, which calls Labels.of; not Base and Sub
        assertThat(build(compiler, project)).isEqualTo("compiled 2 of 4: n=42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecj", "javac"})
    void aMethodRemovedFromASuperclassOfAUsedClassIsReported(String name) throws Exception {
        BundleCompiler compiler = compilers.get(name);
        Path project = project();
        build(compiler, project);

        edit(project, "Base.java", "public int step() {\n        return 1;\n    }", "");

        assertThat(build(compiler, project)).startsWith("errors in [CounterView.java]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecj", "javac"})
    void aChangedConstantReachesTheClassesThatCopiedIt(String name) throws Exception {
        BundleCompiler compiler = compilers.get(name);
        Path project = project();
        build(compiler, project);

        edit(project, "Labels.java", "PREFIX = \"n=\"", "PREFIX = \"count=\"");

        assertThat(build(compiler, project, "prefix")).isEqualTo("compiled 4 of 4: count=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecj", "javac"})
    void aNewMethodNobodyCallsStaysIncremental(String name) throws Exception {
        BundleCompiler compiler = compilers.get(name);
        Path project = project();
        build(compiler, project);

        edit(project, "CounterView.java", "public String prefix() {", "public int twice(int n) {\n        return 2 * n;\n"
                + "    }\n\n    public String prefix() {");

        assertThat(build(compiler, project)).isEqualTo("compiled 1 of 4: n=42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecj", "javac"})
    void aCompileErrorKeepsTheLastOutputAndTheFixCompilesIncrementally(String name) throws Exception {
        BundleCompiler compiler = compilers.get(name);
        Path project = project();
        build(compiler, project);

        edit(project, "CounterView.java", "return Labels.of(count);", "return Labels.of(count)");
        assertThat(build(compiler, project)).startsWith("errors in [CounterView.java]");
        edit(project, "CounterView.java", "return Labels.of(count)", "return Labels.of(count + 100);");

        assertThat(build(compiler, project)).isEqualTo("compiled 1 of 4: n=142");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecj", "javac"})
    void classesNoLongerDeclaredLeaveTheOutput(String name) throws Exception {
        BundleCompiler compiler = compilers.get(name);
        Path project = project();
        build(compiler, project);
        int from = VIEW.indexOf("    public Runnable task()");
        edit(project, "CounterView.java", VIEW.substring(from, VIEW.lastIndexOf('}')), "");

        String outcome = compiler.build(project, result -> {
            assertThat(result.outputDir().resolve("example/counter/CounterView.class")).isRegularFile();
            assertThat(result.outputDir().resolve("example/counter/CounterView$1.class")).doesNotExist();
            return result.compiledFiles();
        }).toString();

        assertThat(outcome).isEqualTo("1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecj", "javac"})
    void aDeletedSourceCompilesEverything(String name) throws Exception {
        BundleCompiler compiler = compilers.get(name);
        Path project = project();
        TestProjects.writeSource(project, "example/counter/Unused.java", "package example.counter;\nclass Unused {}\n");
        build(compiler, project);

        Files.delete(project.resolve("src/main/java/example/counter/Unused.java"));

        assertThat(build(compiler, project)).isEqualTo("compiled 4 of 4: n=42");
        compiler.build(project, result -> assertThat(result.outputDir().resolve("example/counter/Unused.class"))
                .doesNotExist());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecj", "javac"})
    void issue13AnEmptiedSourceIsAnErrorNotARemovedClass(String name) throws Exception {
        BundleCompiler compiler = compilers.get(name);
        Path project = project();
        build(compiler, project);
        Path view = project.resolve("src/main/java/example/counter/CounterView.java");

        Files.writeString(view, "");
        assertThat(build(compiler, project)).startsWith("errors in [CounterView.java]").contains("the file is empty");
        Files.writeString(view, "\n  \n");
        assertThat(build(compiler, project)).startsWith("errors in [CounterView.java]");
        Files.writeString(view, VIEW);

        // the output kept the class all along, and the source is back as it was built
        assertThat(build(compiler, project)).isEqualTo("compiled 0 of 4: n=42");
    }

    private Path project() throws Exception {
        TestProjects.workspace(dir);
        return TestProjects.project(dir, "example.counter", Map.of("example/counter/Labels.java", LABELS,
                "example/counter/Base.java", BASE, "example/counter/Sub.java", SUB,
                "example/counter/CounterView.java", VIEW));
    }

    private static void edit(Path project, String file, String from, String to) throws Exception {
        Path source = project.resolve("src/main/java/example/counter").resolve(file);
        String text = Files.readString(source);
        assertThat(text).contains(from);
        Files.writeString(source, text.replace(from, to));
    }

    private static String build(BundleCompiler compiler, Path project) {
        return build(compiler, project, "label");
    }

    /** Builds, then calls {@code method} on a new CounterView from the output. */
    private static String build(BundleCompiler compiler, Path project, String method) {
        return compiler.build(project, result -> {
            if (!result.success()) {
                return "errors in " + result.errors().stream().map(e -> e.file().getFileName().toString())
                        .distinct().toList() + ": " + result.errors();
            }
            try (URLClassLoader loader = TestProjects.loader(result.outputDir(),
                    IncrementalBuildTest.class.getClassLoader())) {
                Class<?> view = loader.loadClass("example.counter.CounterView");
                Object instance = view.getConstructor().newInstance();
                return "compiled " + result.compiledFiles() + " of " + result.sourceFiles() + ": "
                        + view.getMethod(method).invoke(instance);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
