package dev.relive.hvr.internal.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.relive.hvr.internal.testing.TestProjects;

/**
 * Which builds the running classes can take by redefinition (method bodies only) and which need the bundle updated:
 * the JVM keeps a redefined class's fields, methods and static state, so anything else must not pass.
 */
class Issue13BodyOnlyEditsTest {

    private static final String VIEW = """
            package example.counter;

            import java.util.List;

            import org.osgi.service.component.annotations.Component;

            import dev.relive.api.EventHandler;
            import dev.relive.api.LiveView;

            @Component(service = LiveView.class)
            public class CounterView extends LiveView {
                private static final List<String> NAMES = List.of("a", "b");
                private int count;

                @EventHandler
                public void add(int amount) {
                    count += amount;
                }

                @EventHandler
                public void increment() {
                    Runnable task = () -> count++;
                    task.run();
                }

                String first() {
                    return NAMES.get(0) + count;
                }
            }
            """;

    private static BundleCompiler compiler;

    @TempDir
    Path dir;

    @BeforeAll
    static void compiler() {
        compiler = BundleCompiler.forJars(TestProjects.compileClassPath());
    }

    @AfterAll
    static void close() throws Exception {
        compiler.close();
    }

    @Test
    void issue13ABodyEditIsRedefinedWithItsClassOnly() throws Exception {
        Map<String, byte[]> running = compile("a", VIEW);
        Map<String, byte[]> built = compile("b", VIEW.replace("count += amount;", "count += 2 * amount + 1;")
                .replace("() -> count++", "() -> count += 3").replace("NAMES.get(0)", "NAMES.get(1)"));

        BodyOnlyEdits.Result result = compare(running, built);

        assertThat(result.refusal()).isNull();
        assertThat(result.classes()).containsOnlyKeys("example.counter.CounterView");
    }

    @Test
    void issue13TheSameSourceFromJavacAndFromEcjComparesAsTheSameShape() throws Exception {
        Map<String, byte[]> running = javac("a", VIEW);
        Map<String, byte[]> built = compile("b", VIEW.replace("count += amount;", "count -= amount;"));

        assertThat(compare(running, built).refusal())
                .as("javac names a lambda lambda$increment$0, ecj lambda$0: a shape of its own").isNotNull();
        String noLambda = VIEW.replace("Runnable task = () -> count++;\n        task.run();", "count++;")
                .replace("    String first() {", "    static final class Zeta {\n    }\n\n    static final class Alpha {\n"
                        + "        int size = 1;\n    }\n\n    String first() {");
        BodyOnlyEdits.Result result = compare(javac("c", noLambda),
                compile("d", noLambda.replace("count += amount;", "count -= amount;")));

        assertThat(result.refusal()).as("attributes and nested classes in another order, same shape").isNull();
        assertThat(result.classes()).containsKey("example.counter.CounterView");
    }

    @Test
    void issue13AnythingButABodyNeedsTheBundleUpdated() throws Exception {
        Map<String, byte[]> running = compile("a", VIEW);

        assertThat(refusal(running, "b", VIEW.replace("    String first()", "    private int twice() {\n"
                + "        return 2 * count;\n    }\n\n    String first()"))).contains("more than method bodies");
        assertThat(refusal(running, "c", VIEW.replace("private int count;", "private int count;\n    private int more;")))
                .contains("more than method bodies");
        assertThat(refusal(running, "d", VIEW.replace("count += amount;", "Runnable r = () -> count--;\n        r.run();")))
                .as("a new lambda is a new method").contains("more than method bodies");
        assertThat(refusal(running, "e", VIEW.replace("count += amount;",
                "count += javax.xml.parsers.DocumentBuilderFactory.newInstance().hashCode();")))
                .contains("refers to other packages");
        assertThat(refusal(running, "f", VIEW.replace("List.of(\"a\", \"b\")", "List.of(\"c\")")))
                .contains("static initializer changed");
        assertThat(refusal(running, "g", VIEW.replace("count += amount;",
                "count += new Object() { int one() { return 1; } }.one();"))).contains("new class");
        assertThat(refusal(running, "h", VIEW.replace("public void add(int amount)", "public void add(int step)")
                .replace("count += amount;", "count += step;"))).as("handler parameters are bound by name")
                .contains("more than method bodies");
    }

    private String refusal(Map<String, byte[]> running, String variant, String source) throws Exception {
        return compare(running, compile(variant, source)).refusal();
    }

    private static BodyOnlyEdits.Result compare(Map<String, byte[]> running, Map<String, byte[]> built) {
        Map<String, byte[]> runningByBinaryName = new HashMap<>();
        running.forEach((internal, bytes) -> runningByBinaryName.put(internal.replace('/', '.'), bytes));
        Map<String, String> before = ClassFingerprint.of(running);
        Map<String, String> after = ClassFingerprint.of(built);
        Set<String> candidates = after.keySet().stream().filter(name -> !after.get(name).equals(before.get(name)))
                .collect(Collectors.toSet());
        return BodyOnlyEdits.compare(runningByBinaryName.keySet(), runningByBinaryName::get, built, candidates);
    }

    private Map<String, byte[]> compile(String variant, String source) throws Exception {
        Path workspace = TestProjects.workspace(Files.createDirectories(dir.resolve(variant)));
        Path project = TestProjects.project(workspace, "example.counter",
                Map.of("example/counter/CounterView.java", source));
        assertThat(compiler.compile(project, workspace.resolve("classes")).errors()).isEmpty();
        return classes(workspace.resolve("classes"));
    }

    /** The same source compiled by the JDK's javac, as the Maven build compiles the installed bundles. */
    private Map<String, byte[]> javac(String variant, String source) throws IOException {
        Path sources = Files.createDirectories(dir.resolve(variant + "-javac/src/example/counter"));
        Files.writeString(sources.resolve("CounterView.java"), source);
        Path classes = Files.createDirectories(dir.resolve(variant + "-javac/classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-parameters", "-g", "-proc:none",
                "-d", classes.toString(), "-cp", TestProjects.compileClassPath().stream().map(Path::toString)
                        .collect(Collectors.joining(java.io.File.pathSeparator))));
        arguments.add(sources.resolve("CounterView.java").toString());
        assertThat(javac.run(null, null, null, arguments.toArray(String[]::new))).isZero();
        return classes(classes);
    }

    private static Map<String, byte[]> classes(Path root) throws IOException {
        Map<String, byte[]> classes = new HashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                if (name.endsWith(".class")) {
                    classes.put(name.substring(0, name.length() - ".class".length()), Files.readAllBytes(file));
                }
            }
        }
        return classes;
    }
}
