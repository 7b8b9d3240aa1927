package dev.relive.hvr.internal.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.relive.hvr.internal.testing.TestProjects;

/** What the two keys of a {@link ClassOutline} see of a class, and what they ignore. */
class ClassOutlineTest {

    private static final String VIEW = """
            package example.counter;

            import java.util.List;

            import org.osgi.service.component.annotations.Activate;
            import org.osgi.service.component.annotations.Component;

            import dev.relive.api.EventHandler;
            import dev.relive.api.LiveView;

            @Component(service = LiveView.class)
            public class CounterView extends LiveView {
                public static final int LIMIT = 10;
                private int count;

                @EventHandler
                public void add(int amount) {
                    count += amount;
                }

                @Activate
                private void start() {
                    count = 0;
                }

                public Runnable reset() {
                    return new Runnable() {
                        @Override
                        public void run() {
                            count = 0;
                        }
                    };
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
    void aMethodBodyEditChangesNeitherKey() throws Exception {
        ClassOutline before = outline("a", VIEW);
        ClassOutline after = outline("b", VIEW.replace("count += amount;", "count += 2 * amount + LIMIT;"));

        assertThat(after.apiKey()).isEqualTo(before.apiKey());
        assertThat(after.bndKey()).isEqualTo(before.bndKey());
        assertThat(before.sourcePath()).isEqualTo("example/counter/CounterView.java");
        assertThat(before.constants()).isEqualTo("LIMIT=I10;");
        assertThat(before.supertypes()).containsExactly("dev/relive/api/LiveView");
        assertThat(before.references()).contains("dev/relive/api/EventHandler", "example/counter/CounterView$1");
    }

    @Test
    void aNewPackageInABodyChangesOnlyTheReferencedPackages() throws Exception {
        ClassOutline before = outline("a", VIEW);
        ClassOutline after = outline("b", VIEW.replace("count += amount;",
                "count += javax.xml.parsers.DocumentBuilderFactory.newInstance().hashCode();"));

        assertThat(after.apiKey()).isEqualTo(before.apiKey());
        assertThat(after.bndKey()).isEqualTo(before.bndKey());
        assertThat(after.referencedPackages()).contains("javax.xml.parsers");
        assertThat(before.referencedPackages()).doesNotContain("javax.xml.parsers");
    }

    @Test
    void privateMembersAndTheirAnnotationsAreSeenOnlyByBnd() throws Exception {
        ClassOutline before = outline("a", VIEW);
        ClassOutline after = outline("b", VIEW.replace("    @Activate\n", ""));

        assertThat(after.apiKey()).isEqualTo(before.apiKey());
        assertThat(after.bndKey()).isNotEqualTo(before.bndKey());
        assertThat(after.bndCoreKey()).isNotEqualTo(before.bndCoreKey());
    }

    @Test
    void theCoreKeyHoldsClassAnnotationsAndMembersWithClassRetentionAnnotationsOnly() throws Exception {
        ClassOutline before = outline("a", VIEW);
        ClassOutline handler = outline("b", VIEW.replace("    @Activate\n", "    @EventHandler\n    public void more() {"
                + "\n    }\n\n    @Activate\n"));
        ClassOutline component = outline("c", VIEW.replace("@Component(service = LiveView.class)", "@Component"));

        assertThat(handler.bndKey()).isNotEqualTo(before.bndKey());
        assertThat(handler.bndCoreKey()).isEqualTo(before.bndCoreKey()).contains("annotations/Activate;", "annotations/Component;")
                .doesNotContain("EventHandler");
        assertThat(component.bndCoreKey()).isNotEqualTo(before.bndCoreKey());
        assertThat(before.hasReferenceMethods()).isFalse();
        assertThat(before.isMetatypeDefinition()).isFalse();
    }

    @Test
    void onlyAReferenceOnAMethodMakesBndReadAllMembers() throws Exception {
        String injected = VIEW.replace("public class CounterView extends LiveView {", "public class CounterView extends "
                + "LiveView {\n    @Activate\n    public CounterView(@org.osgi.service.component.annotations.Reference "
                + "Runnable task) {\n    }\n").replace("    @Activate\n    private void start()", "    private void start()");
        String bound = VIEW.replace("    @Activate\n    private void start() {", "    @org.osgi.service.component"
                + ".annotations.Reference\n    void setTask(Runnable task) {\n    }\n\n    @Activate\n"
                + "    private void start() {");

        assertThat(outline("a", injected).hasReferenceMethods()).isFalse();
        assertThat(outline("b", bound).hasReferenceMethods()).isTrue();
    }

    @Test
    void signaturesAnnotationsAndConstantsAreApi() throws Exception {
        ClassOutline before = outline("a", VIEW);

        assertThat(outline("b", VIEW.replace("add(int amount)", "add(long amount)")).apiKey())
                .isNotEqualTo(before.apiKey());
        assertThat(outline("c", VIEW.replace("LIMIT = 10", "LIMIT = 11")).apiKey()).isNotEqualTo(before.apiKey());
        assertThat(outline("d", VIEW.replace("@Component(service = LiveView.class)", "@Component")).apiKey())
                .isNotEqualTo(before.apiKey());
    }

    @Test
    void anAnonymousClassIsLocalToItsFile() throws Exception {
        compile("a", VIEW);
        byte[] bytes = Files.readAllBytes(dir.resolve("a/classes/example/counter/CounterView$1.class"));

        ClassOutline anonymous = ClassOutline.of(bytes);

        assertThat(anonymous.localOrAnonymous()).isTrue();
        assertThat(anonymous.name()).isEqualTo("example/counter/CounterView$1");
        assertThat(anonymous.sourcePath()).isEqualTo("example/counter/CounterView.java");
        assertThat(outline("b", VIEW).localOrAnonymous()).isFalse();
    }

    @Test
    void bytesThatAreNoClassFileAreRejected() {
        assertThatThrownBy(() -> ClassOutline.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
                .isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> ClassOutline.of(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE}))
                .isInstanceOf(UncheckedIOException.class);
    }

    private ClassOutline outline(String variant, String source) throws Exception {
        compile(variant, source);
        return ClassOutline.of(Files.readAllBytes(dir.resolve(variant + "/classes/example/counter/CounterView.class")));
    }

    private void compile(String variant, String source) throws Exception {
        Path workspace = TestProjects.workspace(Files.createDirectories(dir.resolve(variant)));
        Path project = TestProjects.project(workspace, "example.counter",
                Map.of("example/counter/CounterView.java", source));
        assertThat(compiler.compile(project, workspace.resolve("classes")).errors()).isEmpty();
    }
}
