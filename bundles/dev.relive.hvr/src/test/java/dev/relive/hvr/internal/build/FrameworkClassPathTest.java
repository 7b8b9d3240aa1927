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
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    }

    @AfterAll
    static void stop() throws Exception {
        compiler.close();
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    void compilesAgainstBundlesSystemPackagesPlatformAndExtraJars() throws Exception {
        Path project = project("example.fw", Map.of("example/fw/FwView.java", VIEW));

        CompileResult result = compiler.compile(project, project.resolve("target/classes"));

        assertThat(result.errors()).isEmpty();
    }

    @Test
    void theHighestVersionOfAPackageWins() throws Exception {
        Path project = project("example.old", Map.of("example/old/UsesOld.java", """
                package example.old;

                public class UsesOld {
                    String name = example.shared.Older.NAME;
                }
                """));

        CompileResult result = compiler.compile(project, project.resolve("target/classes"));

        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("Older"));
    }

    @Test
    void theProjectsOwnInstalledBundleIsNotOnTheClassPath() throws Exception {
        Path project = project("dev.relive.api", Map.of("dev/relive/api/extra/UsesApi.java", """
                package dev.relive.api.extra;

                public class UsesApi {
                    dev.relive.api.LiveView view;
                }
                """));

        CompileResult result = compiler.compile(project, project.resolve("target/classes"));

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
        assertThat(imports).contains("dev.relive.api;version=\"[1.0,2)\"", "example.shared;version=\"[2.0,3)\"",
                "org.osgi.framework;version=\"[1.10,2)\"");
        assertThat(text(result.jar(), "OSGI-INF/example.fw.FwView.xml")).contains("name=\"live.view.route\"")
                .contains("value=\"/fw\"");
    }

    @Test
    void fingerprintsOfAnInstalledBundleMatchItsJar() throws Exception {
        assertThat(ClassFingerprint.ofBundle(api)).isEqualTo(ClassFingerprint.ofJar(apiJar))
                .containsKey("dev.relive.api.LiveView");
    }

    @Test
    void warmBuildTimesInTheFramework() throws Exception {
        Path project = project("example.fw", Map.of("example/fw/FwView.java", VIEW));
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
        System.out.printf("In-framework warm build of a 1-view bundle: compile median %.1f ms (min %.1f),"
                + " package median %.1f ms (min %.1f)%n", compile[15] / 1e6, compile[0] / 1e6, pack[15] / 1e6,
                pack[0] / 1e6);
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
