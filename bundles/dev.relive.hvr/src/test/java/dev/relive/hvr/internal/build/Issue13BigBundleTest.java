package dev.relive.hvr.internal.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.relive.hvr.internal.testing.TestProjects;

/** A body edit in a bundle of a few hundred classes compiles one source and rewrites the last jar: no bnd run. */
class Issue13BigBundleTest {

    private static final int CLASSES = 300;

    private static BundleCompiler compiler;
    private static final BundlePackager packager =
            new BundlePackager(new JarClassPath(TestProjects.compileClassPath()));

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        compiler = BundleCompiler.forJars(TestProjects.compileClassPath());
    }

    @AfterAll
    static void close() throws Exception {
        compiler.close();
    }

    @Test
    void aBodyEditCompilesOneSourceAndRewritesTheLastJar() throws Exception {
        TestProjects.workspace(dir);
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("example/big/CounterView.java", BundlePackagerTest.VIEW.replace("example.counter", "example.big")
                .replace("count += amount;", "count += amount * 1;"));
        for (int i = 0; i < CLASSES; i++) {
            sources.put("example/big/parts/" + part(i) + ".java", partSource(i));
        }
        Path project = TestProjects.project(dir, "example.big", sources);
        Outcome first = build(project, "0.1.0.hvr1");
        TestProjects.writeSource(project, "example/big/CounterView.java", sources.get("example/big/CounterView.java")
                .replace("count += amount * 1;", "count += amount * 2;"));

        Outcome second = build(project, "0.1.0.hvr2");

        assertThat(first.compiled()).isEqualTo(CLASSES + 1);
        assertThat(first.analysed()).isTrue();
        assertThat(second.compiled()).isEqualTo(1);
        assertThat(second.analysed()).as("bnd ran again").isFalse();
        Map<String, String> before = ClassFingerprint.ofJar(first.jar());
        Map<String, String> after = ClassFingerprint.ofJar(second.jar());
        assertThat(after.keySet()).isEqualTo(before.keySet());
        assertThat(after.keySet().stream().filter(name -> !after.get(name).equals(before.get(name))))
                .containsExactly("example.big.CounterView");
    }

    private record Outcome(int compiled, boolean analysed, byte[] jar) {
    }

    private Outcome build(Path project, String version) {
        return compiler.build(project, compiled -> {
            assertThat(compiled.errors()).isEmpty();
            PackageResult packed = packager.pack(project, compiled.outputDir(), version);
            assertThat(packed.errors()).isEmpty();
            return new Outcome(compiled.compiledFiles(), packed.analysed(), packed.jar());
        });
    }

    private static String part(int i) {
        return String.format("Part%03d", i);
    }

    /** Classes that refer to each other in one web, as an application's do. */
    private static String partSource(int i) {
        return """
                package example.big.parts;

                import java.util.ArrayList;
                import java.util.List;

                public class %s {
                    public record Item(String name, int weight) {
                    }

                    private final List<Item> items = new ArrayList<>();

                    public int total() {
                        return items.stream().mapToInt(Item::weight).sum();
                    }

                    public String describe(%s next, %s other) {
                        return next.total() + "/" + other.total();
                    }
                }
                """.formatted(part(i), part((i + 1) % CLASSES), part((i * 7 + 3) % CLASSES));
    }
}
