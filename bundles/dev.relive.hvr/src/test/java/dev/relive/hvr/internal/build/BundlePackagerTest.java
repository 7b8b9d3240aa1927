package dev.relive.hvr.internal.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.relive.hvr.internal.testing.TestProjects;

class BundlePackagerTest {

    static final String VIEW = """
            package example.counter;

            import org.osgi.service.component.annotations.Component;
            import org.osgi.service.component.annotations.ServiceScope;

            import dev.relive.api.EventHandler;
            import dev.relive.api.LiveView;
            import dev.relive.api.LiveViewRoute;

            @LiveViewRoute("/counter")
            @Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
            public class CounterView extends LiveView {
                private int count;

                @EventHandler
                public void add(int amount) {
                    count += amount;
                }
            }
            """;

    private static BundleCompiler compiler;
    private static final BundlePackager packager = new BundlePackager(new JarClassPath(TestProjects.compileClassPath()));

    @TempDir
    Path dir;

    @BeforeAll
    static void warm() {
        compiler = BundleCompiler.forJars(TestProjects.compileClassPath());
        compiler.warmUp();
        packager.warmUp();
    }

    @AfterAll
    static void close() throws Exception {
        compiler.close();
    }

    @Test
    void packagesAComponentWithTheWorkspaceBndConfiguration() throws Exception {
        Path project = counterProject();
        Path template = project.resolve("src/main/resources/example/counter/CounterView.peb");
        Files.createDirectories(template.getParent());
        Files.writeString(template, "<p>{{ count }}</p>");

        PackageResult result = packager.pack(project, compile(project), "0.1.0.hvr1");

        assertThat(result.errors()).isEmpty();
        Bundle bundle = Bundle.read(result.jar());
        assertThat(bundle.header("Bundle-SymbolicName")).isEqualTo("example.counter");
        assertThat(bundle.header("Bundle-Version")).isEqualTo("0.1.0.hvr1");
        assertThat(bundle.header("Bundle-Name")).isEqualTo("Test views example.counter");
        assertThat(bundle.header("Bundle-Description")).isEqualTo("Test workspace");
        assertThat(bundle.header("Bundle-Vendor")).isEqualTo("Relive");
        assertThat(bundle.header("Service-Component")).isEqualTo("OSGI-INF/example.counter.CounterView.xml");
        assertThat(bundle.header("Import-Package")).contains("dev.relive.api;version=\"[1.2,2)\"");
        assertThat(bundle.header("Require-Capability")).contains("osgi.extender=osgi.component");
        assertThat(bundle.entries()).containsKeys("example/counter/CounterView.class",
                "example/counter/CounterView.peb");
        String ds = bundle.text("OSGI-INF/example.counter.CounterView.xml");
        assertThat(ds).contains("name=\"example.counter.CounterView\"")
                .contains("scope=\"prototype\"")
                .contains("<provide interface=\"dev.relive.api.LiveView\"/>")
                .contains("name=\"live.view.route\"").contains("value=\"/counter\"");
    }

    @Test
    void bndErrorsMakeAFailedResult() throws Exception {
        Path project = counterProject();
        Files.writeString(project.resolve("bnd.bnd"), "-include: ${.}/../../bnd.bnd\n-includeresource: missing.txt\n");

        PackageResult result = packager.pack(project, compile(project), "0.1.0.hvr2");

        assertThat(result.success()).isFalse();
        assertThat(result.jar()).isNull();
        assertThat(result.errors()).anyMatch(e -> e.contains("missing.txt"));
    }

    @Test
    void anExplicitBundleSymbolicNameInBndBndWins() throws Exception {
        Path project = counterProject();
        Files.writeString(project.resolve("bnd.bnd"),
                "-include: ${.}/../../bnd.bnd\nBundle-SymbolicName: example.renamed\n");

        PackageResult result = packager.pack(project, compile(project), "1.2.3");

        assertThat(Bundle.read(result.jar()).header("Bundle-SymbolicName")).isEqualTo("example.renamed");
    }

    @Test
    void warmPackageTime() throws Exception {
        Path project = counterProject();
        Path classes = compile(project);
        List<Long> analysed = new ArrayList<>();
        List<Long> rewritten = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            PackageResult full = packager.analyse(project, classes, "0.1.0.hvr" + i);
            PackageResult reused = packager.pack(project, classes, "0.1.0.hvr" + i);
            assertThat(full.analysed()).isTrue();
            assertThat(reused.analysed()).isFalse();
            analysed.add(full.elapsed().toNanos() / 1000);
            rewritten.add(reused.elapsed().toNanos() / 1000);
        }
        analysed.sort(null);
        rewritten.sort(null);
        System.out.printf("BundlePackager, a 1-component bundle: bnd median %.1f ms; jar rewritten median %.1f ms%n",
                analysed.get(20) / 1000.0, rewritten.get(20) / 1000.0);
    }

    @Test
    void aBodyEditRewritesTheLastJarWithWhatBndWouldWrite() throws Exception {
        Path project = counterProject();
        Path template = Files.createDirectories(project.resolve("src/main/resources/example/counter"))
                .resolve("CounterView.peb");
        Files.writeString(template, "<p>{{ count }}</p>");
        assertThat(packager.pack(project, compile(project), "0.1.0.hvr1").analysed()).isTrue();
        edit(project, "count += amount;", "count += 10 * amount;");
        Files.writeString(template, "<p>Count: {{ count }}</p>");
        Path classes = compile(project);

        PackageResult reused = packager.pack(project, classes, "0.1.0.hvr2");
        PackageResult analysed = packager.analyse(project, classes, "0.1.0.hvr2");

        assertThat(reused.analysed()).isFalse();
        Bundle jar = Bundle.read(reused.jar());
        Bundle bnd = Bundle.read(analysed.jar());
        assertThat(jar.entries().keySet()).isEqualTo(bnd.entries().keySet());
        bnd.entries().forEach((name, bytes) -> assertThat(jar.entries().get(name)).as(name).isEqualTo(bytes));
        assertThat(jar.text("example/counter/CounterView.peb")).isEqualTo("<p>Count: {{ count }}</p>");
        Attributes expected = new Attributes(bnd.headers());
        Attributes actual = new Attributes(jar.headers());
        expected.remove(new Attributes.Name("Bnd-LastModified"));
        actual.remove(new Attributes.Name("Bnd-LastModified"));
        assertThat(actual).isEqualTo(expected);
        assertThat(jar.header("Bundle-Version")).isEqualTo("0.1.0.hvr2");
    }

    @Test
    void bndRunsAgainWhenWhatItReadsChanged() throws Exception {
        Path project = counterProject();
        packager.pack(project, compile(project), "0.1.0.hvr1");

        edit(project, "@LiveViewRoute(\"/counter\")", "@LiveViewRoute(\"/count\")");
        PackageResult route = packager.pack(project, compile(project), "0.1.0.hvr2");
        assertThat(route.analysed()).isTrue();
        assertThat(Bundle.read(route.jar()).text("OSGI-INF/example.counter.CounterView.xml")).contains("/count\"");

        edit(project, "count += amount;", "count += javax.xml.parsers.DocumentBuilderFactory.newInstance().hashCode();");
        PackageResult imports = packager.pack(project, compile(project), "0.1.0.hvr3");
        assertThat(imports.analysed()).isTrue();
        assertThat(Bundle.read(imports.jar()).header("Import-Package")).contains("javax.xml.parsers");

        Files.writeString(Files.createDirectories(project.resolve("src/main/resources")).resolve("extra.txt"), "x");
        assertThat(packager.pack(project, compile(project), "0.1.0.hvr4").analysed()).isTrue();

        Files.writeString(project.resolve("bnd.bnd"), "-include: ${.}/../../bnd.bnd\nBundle-Category: games\n");
        Files.setLastModifiedTime(project.resolve("bnd.bnd"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        PackageResult category = packager.pack(project, compile(project), "0.1.0.hvr5");
        assertThat(category.analysed()).isTrue();
        assertThat(Bundle.read(category.jar()).header("Bundle-Category")).isEqualTo("games");

        assertThat(packager.pack(project, compile(project), "0.1.0.hvr6").analysed()).isFalse();
    }

    @Test
    void aNewHandlerOrFieldKeepsTheManifestAndTheComponentXml() throws Exception {
        Path project = counterProject();
        packager.pack(project, compile(project), "0.1.0.hvr1");
        edit(project, "    @EventHandler\n    public void add(", "    private String label = \"n\";\n\n"
                + "    @EventHandler\n    public void twice() {\n        count *= 2;\n    }\n\n"
                + "    @EventHandler\n    public void add(");
        Path classes = compile(project);

        PackageResult reused = packager.pack(project, classes, "0.1.0.hvr2");

        assertThat(reused.analysed()).isFalse();
        assertSameAsBnd(reused, packager.analyse(project, classes, "0.1.0.hvr2"));
    }

    @Test
    void anUnbindMethodFoundByItsNameRunsBnd() throws Exception {
        Path project = counterProject();
        edit(project, "    private int count;", "    private int count;\n\n"
                + "    @org.osgi.service.component.annotations.Reference(cardinality = org.osgi.service.component"
                + ".annotations.ReferenceCardinality.OPTIONAL, policy = org.osgi.service.component.annotations"
                + ".ReferencePolicy.DYNAMIC)\n    protected void setTask(Runnable task) {\n    }");
        packager.pack(project, compile(project), "0.1.0.hvr1");
        edit(project, "    protected void setTask(Runnable task) {\n    }", "    protected void setTask(Runnable task) {\n"
                + "    }\n\n    protected void unsetTask(Runnable task) {\n    }");
        Path classes = compile(project);

        PackageResult result = packager.pack(project, classes, "0.1.0.hvr2");

        assertThat(result.analysed()).isTrue();
        assertThat(Bundle.read(result.jar()).text("OSGI-INF/example.counter.CounterView.xml"))
                .contains("unbind=\"unsetTask\"");
    }

    @Test
    void aNewMethodInAnExportedPackageRunsBnd() throws Exception {
        Path project = counterProject();
        Files.writeString(project.resolve("bnd.bnd"), "-include: ${.}/../../bnd.bnd\n-exportcontents: example.counter\n");
        packager.pack(project, compile(project), "0.1.0.hvr1");
        edit(project, "    @EventHandler\n    public void add(", "    public java.net.URI where() {\n"
                + "        return null;\n    }\n\n    @EventHandler\n    public void add(");

        assertThat(packager.pack(project, compile(project), "0.1.0.hvr2").analysed()).isTrue();
    }

    @Test
    void exportedPackageNamesAreReadFromTheHeader() {
        assertThat(PackagedBundle.packageNames("a.b;version=\"1.0\";uses:=\"c.d,e.f\",g.h,i;x=\"1,2\""))
                .containsExactly("a.b", "g.h", "i");
        assertThat(PackagedBundle.packageNames(null)).isEmpty();
    }

    private static void assertSameAsBnd(PackageResult reused, PackageResult analysed) throws IOException {
        Bundle jar = Bundle.read(reused.jar());
        Bundle bnd = Bundle.read(analysed.jar());
        assertThat(jar.entries().keySet()).isEqualTo(bnd.entries().keySet());
        bnd.entries().forEach((name, bytes) -> assertThat(jar.entries().get(name)).as(name).isEqualTo(bytes));
        Attributes expected = new Attributes(bnd.headers());
        Attributes actual = new Attributes(jar.headers());
        expected.remove(new Attributes.Name("Bnd-LastModified"));
        actual.remove(new Attributes.Name("Bnd-LastModified"));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void aJarWithContentFromElsewhereIsNeverReused() throws Exception {
        Path project = counterProject();
        Files.writeString(project.resolve("notes.txt"), "notes");
        Files.writeString(project.resolve("bnd.bnd"), "-include: ${.}/../../bnd.bnd\n-includeresource: notes.txt\n");
        Path classes = compile(project);

        assertThat(packager.pack(project, classes, "0.1.0.hvr1").analysed()).isTrue();
        assertThat(packager.pack(project, classes, "0.1.0.hvr2").analysed()).isTrue();
    }

    private static void edit(Path project, String from, String to) throws IOException {
        Path source = project.resolve("src/main/java/example/counter/CounterView.java");
        String text = Files.readString(source);
        assertThat(text).contains(from);
        Files.writeString(source, text.replace(from, to));
    }

    private Path counterProject() throws IOException {
        TestProjects.workspace(dir);
        return TestProjects.project(dir, "example.counter", Map.of("example/counter/CounterView.java", VIEW));
    }

    private Path compile(Path project) {
        CompileResult result = compiler.compile(project, dir.resolve("classes-" + System.nanoTime()));
        assertThat(result.errors()).isEmpty();
        return result.outputDir();
    }

    /** A bundle jar's manifest and entries. */
    record Bundle(Attributes headers, Map<String, byte[]> entries) {

        static Bundle read(byte[] jar) throws IOException {
            try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
                Map<String, byte[]> entries = new HashMap<>();
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    entries.put(e.getName(), in.readAllBytes());
                }
                return new Bundle(in.getManifest().getMainAttributes(), entries);
            }
        }

        String header(String name) {
            return headers.getValue(name);
        }

        String text(String entry) {
            return new String(entries.get(entry), StandardCharsets.UTF_8);
        }
    }
}
