package dev.relive.hvr.internal.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.relive.hvr.internal.testing.TestProjects;

class ClassFingerprintTest {

    static final String VIEW_A = """
            package example.fp;

            public class ViewA extends dev.relive.api.LiveView {
                private final Formatter formatter = new Formatter();

                public String label() {
                    return formatter.format(%s);
                }
            }
            """;
    static final String VIEW_B = """
            package example.fp;

            public class ViewB extends dev.relive.api.LiveView {
                private int count = %s;

                public Runnable increment() {
                    return () -> count++;
                }
            }
            """;
    static final String FORMATTER = """
            package example.fp;

            class Formatter {
                String format(int n) {
                    return %s;
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
    void aHelperEditChangesTheViewsThatUseIt() throws Exception {
        Map<String, String> before = build("v1", "1", "0", "\"#\" + n");
        Map<String, String> after = build("v2", "1", "0", "\"No. \" + n");

        assertThat(after.get("example.fp.Formatter")).isNotEqualTo(before.get("example.fp.Formatter"));
        assertThat(after.get("example.fp.ViewA")).isNotEqualTo(before.get("example.fp.ViewA"));
        assertThat(after.get("example.fp.ViewB")).isEqualTo(before.get("example.fp.ViewB"));
    }

    @Test
    void anEditToOneViewLeavesTheOtherUnchanged() throws Exception {
        Map<String, String> before = build("v1", "1", "0", "\"#\" + n");
        Map<String, String> after = build("v2", "2", "0", "\"#\" + n");

        assertThat(after.get("example.fp.ViewA")).isNotEqualTo(before.get("example.fp.ViewA"));
        assertThat(after.get("example.fp.ViewB")).isEqualTo(before.get("example.fp.ViewB"));
        assertThat(after.get("example.fp.Formatter")).isEqualTo(before.get("example.fp.Formatter"));
    }

    @Test
    void nestedAndLambdaClassesCountAsTheViewsOwn() throws Exception {
        Map<String, String> before = build("v1", "1", "0", "\"#\" + n");
        Map<String, String> after = build("v2", "1", "10", "\"#\" + n");

        assertThat(before).containsKeys("example.fp.ViewA", "example.fp.ViewB", "example.fp.Formatter");
        assertThat(after.get("example.fp.ViewB")).isNotEqualTo(before.get("example.fp.ViewB"));
        assertThat(after.get("example.fp.ViewA")).isEqualTo(before.get("example.fp.ViewA"));
    }

    @Test
    void aJarAndItsClassFolderHaveTheSameFingerprints() throws Exception {
        Path workspace = TestProjects.workspace(dir.resolve("jar"));
        Path project = TestProjects.project(workspace, "example.fp", sources("1", "0", "\"#\" + n"));
        CompileResult compiled = compiler.compile(project, workspace.resolve("classes"));
        PackageResult packed = new BundlePackager(new JarClassPath(TestProjects.compileClassPath()))
                .pack(project, compiled.outputDir(), "1.0.0");

        assertThat(ClassFingerprint.ofJar(packed.jar())).isEqualTo(ClassFingerprint.ofFolder(compiled.outputDir()))
                .hasSize(3);
    }

    @Test
    void referencesIncludeFieldTypesSignaturesAndAnnotations() throws Exception {
        Path workspace = Path.of(dir.toString(), "refs");
        Path project = TestProjects.project(java.nio.file.Files.createDirectories(workspace), "example.refs", Map.of(
                "example/refs/Refs.java", """
                        package example.refs;

                        import java.util.List;
                        import java.util.Map;

                        @Deprecated
                        public class Refs {
                            private List<Map<String, java.time.Duration>> values;

                            public java.util.Optional<java.net.URI> find(java.util.regex.Pattern p) {
                                return java.util.Optional.empty();
                            }
                        }
                        """));
        CompileResult compiled = compiler.compile(project, workspace.resolve("classes"));

        byte[] bytes = java.nio.file.Files.readAllBytes(compiled.outputDir().resolve("example/refs/Refs.class"));

        ClassOutline outline = ClassOutline.of(bytes);
        assertThat(outline.references()).contains("java/util/List", "java/util/Map", "java/time/Duration",
                "java/util/Optional", "java/net/URI", "java/util/regex/Pattern", "java/lang/Deprecated",
                "example/refs/Refs");
        assertThat(outline.referencedPackages()).contains("java.time", "java.net", "java.util.regex");
    }

    private Map<String, String> build(String variant, String aValue, String bValue, String format) throws Exception {
        Path workspace = java.nio.file.Files.createDirectories(dir.resolve(variant));
        Path project = TestProjects.project(workspace, "example.fp", sources(aValue, bValue, format));
        CompileResult compiled = compiler.compile(project, workspace.resolve("classes"));
        assertThat(compiled.errors()).isEmpty();
        return ClassFingerprint.ofFolder(compiled.outputDir());
    }

    private static Map<String, String> sources(String aValue, String bValue, String format) {
        Map<String, String> sources = new HashMap<>();
        sources.put("example/fp/ViewA.java", VIEW_A.formatted(aValue));
        sources.put("example/fp/ViewB.java", VIEW_B.formatted(bValue));
        sources.put("example/fp/Formatter.java", FORMATTER.formatted(format));
        return sources;
    }
}
