package dev.relive.hvr.internal.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

import dev.relive.api.LiveView;
import dev.relive.hvr.internal.testing.TestProjects;

/**
 * An embedded Felix with dev.relive.api and two versions of a shared package installed from streams: the compile
 * and analysis class path comes from the bundles' wirings, system packages from the class path Felix runs on.
 */
class FrameworkClassPathTest {

    static final String VIEW = """
            package example.fw;

            import java.time.Duration;

            import org.osgi.framework.BundleContext;
            import org.osgi.service.component.annotations.Activate;
            import org.osgi.service.component.annotations.Component;
            import org.osgi.service.component.annotations.ServiceScope;

            import dev.relive.api.EventHandler;
            import dev.relive.api.LiveView;
            import dev.relive.api.LiveViewRoute;
            import example.shared.Newer;

            @LiveViewRoute("/fw")
            @Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
            public class FwView extends LiveView {
                private final String bundle;
                private final Newer shared = new Newer();

                @Activate
                public FwView(BundleContext context) {
                    bundle = context.getBundle().getSymbolicName();
                }

                @Override
                public Duration tickInterval() {
                    return Duration.ofSeconds(1);
                }

                @EventHandler
                public void ping(String text) {
                }
            }
            """;

    @TempDir
    static Path dir;
    private static Framework framework;
    private static Bundle api;
    private static byte[] apiJar;
    private static FrameworkClassPath classPath;
    private static BundleCompiler compiler;
    private static BundleCompiler javac;

    @BeforeAll
    static void start() throws Exception {
        framework = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, dir.resolve("felix").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.init();
        framework.start();
        BundleContext context = framework.getBundleContext();
        apiJar = jarBytes(TestProjects.locationOf(LiveView.class));
        api = context.installBundle("test:dev.relive.api", new ByteArrayInputStream(apiJar));
        context.installBundle("test:shared-1", new ByteArrayInputStream(sharedBundle("1.0.0", "Older"))).start();
        context.installBundle("test:shared-2", new ByteArrayInputStream(sharedBundle("2.0.0", "Newer"))).start();
        api.start();
        List<Path> annotationJars = TestProjects.compileClassPath().subList(1, 4);
        classPath = new FrameworkClassPath(context, annotationJars);
        compiler = new BundleCompiler(classPath);
        javac = new BundleCompiler(classPath, "javac");
    }

    @AfterAll
    static void stop() throws Exception {
        compiler.close();
        javac.close();
        framework.stop();
        framework.waitForStop(10_000);
    }

    private static BundleCompiler compiler(String name) {
        return name.equals("javac") ? javac : compiler;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecj", "javac"})
    void compilesAgainstBundlesSystemPackagesPlatformAndExtraJars(String name) throws Exception {
        Path project = project("example.fw", Map.of("example/fw/FwView.java", VIEW));

        CompileResult result = compiler(name).compile(project, project.resolve("target/classes"));

        assertThat(compiler(name).compilerName()).startsWith(name);
        assertThat(result.errors()).isEmpty();
    }

    /** A class path type referred to by its qualified name only: the compiler must know its package's parents. */
    @ParameterizedTest
    @ValueSource(strings = {"ecj", "javac"})
    void qualifiedNamesOfBundleAndSystemPackages(String name) throws Exception {
        Path project = project("example.qualified", Map.of("example/qualified/Q.java", """
                package example.qualified;

                public class Q {
                    String shared = example.shared.Newer.NAME;
                    org.osgi.framework.Bundle bundle;
                    dev.relive.api.LiveView view;
                    java.util.List<org.osgi.service.component.annotations.Component> components;
                }
                """));

        CompileResult result = compiler(name).compile(project, project.resolve("target/classes"));

        assertThat(result.errors()).isEmpty();
    }

    /** ecj looks class files up one by one, by binary names with slashes, and asks whether a package has subpackages. */
    @Test
    void theFileManagerServesLookupsByBinaryNameAndRecursiveListings() throws Exception {
        StandardJavaFileManager standard = ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, null,
                null);
        try (JavaFileManager files = classPath.fileManager(standard, "example.none", Set.of())) {
            JavaFileObject liveView = files.getJavaFileForInput(StandardLocation.CLASS_PATH,
                    "dev/relive/api/LiveView", JavaFileObject.Kind.CLASS);
            JavaFileObject bundle = files.getJavaFileForInput(StandardLocation.CLASS_PATH,
                    "org.osgi.framework.Bundle", JavaFileObject.Kind.CLASS);
            JavaFileObject component = files.getJavaFileForInput(StandardLocation.CLASS_PATH,
                    "org/osgi/service/component/annotations/Component", JavaFileObject.Kind.CLASS);

            assertThat(liveView).isInstanceOf(UrlClassFile.class);
            assertThat(((UrlClassFile) liveView).binaryName()).isEqualTo("dev.relive.api.LiveView");
            assertThat(bundle.toUri().toString()).startsWith("relive-classpath:/launcher/");
            assertThat(component).isNotNull().isNotInstanceOf(UrlClassFile.class);
            assertThat(files.getJavaFileForInput(StandardLocation.CLASS_PATH, "dev/relive/api/Nothing",
                    JavaFileObject.Kind.CLASS)).isNull();
            Set<JavaFileObject.Kind> classes = Set.of(JavaFileObject.Kind.CLASS);
            assertThat(files.list(StandardLocation.CLASS_PATH, "dev/relive/api", classes, false))
                    .contains(liveView);
            assertThat(files.list(StandardLocation.CLASS_PATH, "example", classes, false)).isEmpty();
            assertThat(files.list(StandardLocation.CLASS_PATH, "example", classes, true).iterator().hasNext())
                    .isTrue();
            assertThat(files.list(StandardLocation.CLASS_PATH, "dev/relive", classes, true)).contains(liveView);
            assertThat(files.list(StandardLocation.CLASS_PATH, "nowhere", classes, true)).isEmpty();
        } finally {
            standard.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecj", "javac"})
    void theHighestVersionOfAPackageWins(String name) throws Exception {
        Path project = project("example.old", Map.of("example/old/UsesOld.java", """
                package example.old;

                public class UsesOld {
                    String name = example.shared.Older.NAME;
                }
                """));

        CompileResult result = compiler(name).compile(project, project.resolve("target/classes"));

        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("Older"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecj", "javac"})
    void theProjectsOwnInstalledBundleIsNotOnTheClassPath(String name) throws Exception {
        Path project = project("dev.relive.api", Map.of("dev/relive/api/extra/UsesApi.java", """
                package dev.relive.api.extra;

                public class UsesApi {
                    dev.relive.api.LiveView view;
                }
                """));

        CompileResult result = compiler(name).compile(project, project.resolve("target/classes"));

        assertThat(result.success()).isFalse();
        assertThat(result.errors().get(0).message()).contains("dev.relive.api");
    }

    @Test
    void packagesWithImportRangesFromTheExportersAndComponentPropertyTypes() throws Exception {
        Path project = project("example.fw", Map.of("example/fw/FwView.java", VIEW));
        Path classes = compiler.compile(project, project.resolve("target/classes")).outputDir();

        PackageResult result = new BundlePackager(classPath).pack(project, classes, "0.1.0.hvr1");

        assertThat(result.errors()).isEmpty();
        Manifest manifest = new JarInputStream(new ByteArrayInputStream(result.jar())).getManifest();
        String imports = manifest.getMainAttributes().getValue("Import-Package");
        assertThat(imports).contains("dev.relive.api;version=\"[1.2,2)\"", "example.shared;version=\"[2.0,3)\"",
                "org.osgi.framework;version=\"[1.10,2)\"");
        assertThat(text(result.jar(), "OSGI-INF/example.fw.FwView.xml")).contains("name=\"live.view.route\"")
                .contains("value=\"/fw\"");
    }

    @Test
    void fingerprintsOfAnInstalledBundleMatchItsJar() throws Exception {
        assertThat(ClassFingerprint.ofBundle(api)).isEqualTo(ClassFingerprint.ofJar(apiJar))
                .containsKey("dev.relive.api.LiveView");
    }

    /** Not a check: prints median build times with each compiler. */
    @ParameterizedTest
    @ValueSource(strings = {"ecj", "javac"})
    void warmBuildTimesInTheFramework(String name) throws Exception {
        Path project = project("example.fw", Map.of("example/fw/FwView.java", VIEW));
        BundleCompiler compiler = compiler(name);
        BundlePackager packager = new BundlePackager(classPath);
        compiler.warmUp();
        packager.warmUp();
        long[] compile = new long[30];
        long[] pack = new long[30];
        for (int i = 0; i < compile.length; i++) {
            CompileResult compiled = compiler.compile(project, project.resolve("target/classes" + i));
            PackageResult packed = packager.pack(project, compiled.outputDir(), "0.1.0.hvr" + i);
            assertThat(packed.success()).isTrue();
            compile[i] = compiled.elapsed().toNanos();
            pack[i] = packed.elapsed().toNanos();
        }
        java.util.Arrays.sort(compile);
        java.util.Arrays.sort(pack);
        System.out.printf("In-framework warm build of a 1-view bundle with %s: compile median %.1f ms (min %.1f),"
                + " package median %.1f ms (min %.1f)%n", compiler.compilerName(), compile[15] / 1e6,
                compile[0] / 1e6, pack[15] / 1e6, pack[0] / 1e6);
    }

    private static Path project(String name, Map<String, String> sources) throws IOException {
        Path workspace = Files.createTempDirectory(dir, "ws");
        return TestProjects.project(TestProjects.workspace(workspace), name, sources);
    }

    /** A bundle exporting {@code example.shared} at {@code version} with one class, {@code className}. */
    private static byte[] sharedBundle(String version, String className) throws Exception {
        Path workspace = TestProjects.workspace(Files.createTempDirectory(dir, "shared"));
        Path project = TestProjects.project(workspace, "example.shared." + className.toLowerCase(), Map.of(
                "example/shared/" + className + ".java",
                "package example.shared;\n\npublic class " + className + " {\n"
                        + "    public static final String NAME = \"" + className + "\";\n}\n"));
        Files.writeString(project.resolve("bnd.bnd"),
                "-include: ${.}/../../bnd.bnd\nExport-Package: example.shared;version=" + version + "\n");
        try (BundleCompiler plain = BundleCompiler.forJars(TestProjects.compileClassPath())) {
            Path classes = plain.compile(project, project.resolve("target/classes")).outputDir();
            PackageResult packed = new BundlePackager(new JarClassPath(List.of())).pack(project, classes, version);
            assertThat(packed.errors()).isEmpty();
            return packed.jar();
        }
    }

    /** The bytes of a jar, or of a jar made from a class folder (the reactor may hand us target/classes). */
    private static byte[] jarBytes(Path location) throws IOException {
        if (Files.isRegularFile(location)) {
            return Files.readAllBytes(location);
        }
        Path jar = dir.resolve(location.getFileName() + ".jar");
        try (InputStream manifestIn = Files.newInputStream(location.resolve("META-INF/MANIFEST.MF"));
                OutputStream out = Files.newOutputStream(jar);
                JarOutputStream zip = new JarOutputStream(out, new Manifest(manifestIn));
                Stream<Path> files = Files.walk(location)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = location.relativize(file).toString();
                if (Files.isRegularFile(file) && !name.equals("META-INF/MANIFEST.MF")) {
                    zip.putNextEntry(new JarEntry(name));
                    Files.copy(file, zip);
                }
            }
        }
        return Files.readAllBytes(jar);
    }

    private static String text(byte[] jar, String entry) throws IOException {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            for (var e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                if (e.getName().equals(entry)) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + entry);
    }
}
