package dev.relive.hvr.internal.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import aQute.bnd.osgi.Jar;

import dev.relive.hvr.internal.testing.TestProjects;

/** ecj keeps the class files it read from the class path across compiles, while the class path's stamp holds. */
class Issue13EcjCompileTest {

    @TempDir
    Path dir;

    @Test
    void aSecondCompileReadsNothingFromTheClassPathAgainAndMakesTheSameClasses() throws Exception {
        CountingClassPath classPath = new CountingClassPath(TestProjects.compileClassPath());
        Path project = TestProjects.project(dir, "example.counter", Map.of(
                "example/counter/CounterView.java", BundleCompilerTest.COUNTER,
                "example/counter/Step.java", BundleCompilerTest.STEP,
                "example/counter/CounterComponent.java", BundleCompilerTest.COMPONENT));
        try (BundleCompiler compiler = new BundleCompiler(classPath)) {
            assertThat(compiler.compilerName()).startsWith("ecj");

            assertThat(compiler.compile(project, dir.resolve("one")).errors()).isEmpty();
            assertThat(classPath.reads.get()).isPositive();
            classPath.reads.set(0);
            classPath.listings.set(0);
            assertThat(compiler.compile(project, dir.resolve("two")).errors()).isEmpty();

            assertThat(classPath.reads.get()).isZero();
            assertThat(classPath.listings.get()).isZero();
        }
        List<Path> classes = classFiles(dir.resolve("one"));
        assertThat(classes).hasSize(3);
        for (Path relative : classes) {
            assertThat(dir.resolve("two").resolve(relative)).hasSameBinaryContentAs(dir.resolve("one").resolve(relative));
        }
    }

    @Test
    void aClassRewrittenOnTheClassPathIsReadAgain() throws Exception {
        Path library = dir.resolve("library");
        compileLibrary("hello");
        Path project = TestProjects.project(dir, "example.app", Map.of("example/app/App.java", """
                package example.app;

                public class App {
                    String text = new example.lib.Greeter().hello();
                }
                """));
        List<Path> classPath = new ArrayList<>(TestProjects.compileClassPath());
        classPath.add(library);
        try (BundleCompiler compiler = BundleCompiler.forJars(classPath)) {
            assertThat(compiler.compile(project, dir.resolve("one")).errors()).isEmpty();

            compileLibrary("greeting");
            assertThat(compiler.compile(project, dir.resolve("two")).errors()).singleElement()
                    .satisfies(e -> assertThat(e.message()).contains("hello()"));
        }
    }

    /** A save waiting for the compiler ends the warm-up's compile under way; the compiler then works as before. */
    @Test
    void theWarmUpsCompileEndsOnceASaveWaits() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        Path project = TestProjects.project(dir, "example.counter", Map.of(
                "example/counter/CounterView.java", BundleCompilerTest.COUNTER,
                "example/counter/Step.java", BundleCompilerTest.STEP));
        try (BundleCompiler compiler = BundleCompiler.forJars(TestProjects.compileClassPath())) {
            compiler.warmUp(() -> asked.incrementAndGet() > 1); // no save before the first round; one during it

            assertThat(asked.get()).as("asked during the compile, then before the next round").isGreaterThan(2);
            assertThat(compiler.compilerName()).startsWith("ecj");
            assertThat(compiler.compile(project, dir.resolve("out")).errors()).isEmpty();
            assertThat(dir.resolve("out/example/counter/CounterView.class")).isRegularFile();
        }
    }

    @Test
    void aPackageTheJdkDoesNotExportIsNotThere() throws Exception {
        Path project = TestProjects.project(dir, "example.internal", Map.of("example/internal/I.java", """
                package example.internal;

                public class I {
                    Object unsafe = jdk.internal.misc.Unsafe.getUnsafe();
                    Object list = java.util.List.of();
                }
                """));
        try (BundleCompiler compiler = BundleCompiler.forJars(TestProjects.compileClassPath())) {
            assertThat(compiler.compile(project, dir.resolve("out")).errors()).singleElement()
                    .satisfies(e -> assertThat(e.line()).isEqualTo(4));
        }
    }

    /** A source saved in another encoding is a compile error at its line, not a failed build. */
    @Test
    void aSourceThatIsNotUtf8IsACompileErrorAtItsLine() throws Exception {
        Path project = TestProjects.project(dir, "example.latin", Map.of());
        Path source = Files.createDirectories(project.resolve("src/main/java/example/latin")).resolve("L.java");
        Files.write(source, "package example.latin;\n\npublic class L {\n    String s = \"caf\u00e9\";\n}\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        try (BundleCompiler compiler = BundleCompiler.forJars(TestProjects.compileClassPath())) {
            assertThat(compiler.compile(project, dir.resolve("out")).errors()).singleElement().satisfies(e -> {
                assertThat(e.line()).isEqualTo(4);
                assertThat(e.message()).contains("UTF-8");
            });
        }
    }

    /** Compiles {@code example.lib.Greeter} with one method, {@code name}, into {@code dir/library}. */
    private void compileLibrary(String name) throws Exception {
        Path project = TestProjects.project(dir, "example.lib", Map.of("example/lib/Greeter.java", """
                package example.lib;

                public class Greeter {
                    public String %s() {
                        return "hello";
                    }
                }
                """.formatted(name)));
        Path out = dir.resolve("lib-" + name);
        try (BundleCompiler compiler = BundleCompiler.forJars(TestProjects.compileClassPath())) {
            assertThat(compiler.compile(project, out).errors()).isEmpty();
        }
        Path target = Files.createDirectories(dir.resolve("library/example/lib")).resolve("Greeter.class");
        Files.copy(out.resolve("example/lib/Greeter.class"), target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static List<Path> classFiles(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(p -> p.toString().endsWith(".class")).map(folder::relativize).sorted().toList();
        }
    }

    /** The jars' class path, counting the class files and listings the compiler asks its file manager for. */
    private static final class CountingClassPath implements ClassPath {

        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger listings = new AtomicInteger();
        private final JarClassPath jars;

        CountingClassPath(List<Path> entries) {
            this.jars = new JarClassPath(entries);
        }

        @Override
        public JavaFileManager fileManager(StandardJavaFileManager standard, String bsn, Set<String> own)
                throws IOException {
            return new ForwardingJavaFileManager<>(jars.fileManager(standard, bsn, own)) {
                @Override
                public JavaFileObject getJavaFileForInput(Location location, String className,
                        JavaFileObject.Kind kind) throws IOException {
                    reads.incrementAndGet();
                    return super.getJavaFileForInput(location, className, kind);
                }

                @Override
                public Iterable<JavaFileObject> list(Location location, String packageName,
                        Set<JavaFileObject.Kind> kinds, boolean recurse) throws IOException {
                    listings.incrementAndGet();
                    return super.list(location, packageName, kinds, recurse);
                }
            };
        }

        @Override
        public List<Jar> analysisJars(Set<String> referencedPackages, String bsn) throws IOException {
            return jars.analysisJars(referencedPackages, bsn);
        }

        @Override
        public String stamp(String bsn) {
            return jars.stamp(bsn);
        }
    }
}
