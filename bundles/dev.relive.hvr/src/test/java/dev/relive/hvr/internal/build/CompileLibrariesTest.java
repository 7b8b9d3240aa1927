package dev.relive.hvr.internal.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.relive.api.LiveView;
import dev.relive.hvr.internal.testing.TestProjects;

/** The annotation jars the build embeds under compile-lib/ (target/classes holds what the bundle holds). */
class CompileLibrariesTest {

    @TempDir
    Path dir;

    @Test
    void extractsTheEmbeddedAnnotationJarsOnce() throws Exception {
        CompileLibraries libraries = new CompileLibraries(embeddedJars(), dir.resolve("lib"));

        List<Path> jars = libraries.jars();

        assertThat(jars).hasSize(4).allSatisfy(jar -> assertThat(jar).isRegularFile().hasParent(dir.resolve("lib")));
        assertThat(jars).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder(
                "osgi.annotation-8.1.0.jar", "org.osgi.service.component.annotations-1.5.1.jar",
                "org.osgi.service.metatype.annotations-1.4.1.jar", "org.osgi.service.servlet-2.0.0.jar");
        assertThat(libraries.jars()).isSameAs(jars);
        try (ZipFile ds = new ZipFile(dir.resolve("lib/org.osgi.service.component.annotations-1.5.1.jar").toFile())) {
            assertThat(ds.getEntry("org/osgi/service/component/annotations/Component.class")).isNotNull();
        }
    }

    @Test
    void viewsCompileAgainstTheApiAndTheEmbeddedJarsAlone() throws Exception {
        List<Path> classPath = new ArrayList<>(new CompileLibraries(embeddedJars(), dir.resolve("lib")).jars());
        classPath.add(TestProjects.locationOf(LiveView.class));
        Path project = TestProjects.project(dir, "example.ds", Map.of("example/ds/DsView.java", """
                package example.ds;

                import org.osgi.service.component.annotations.Component;
                import org.osgi.service.component.annotations.ServiceScope;
                import org.osgi.service.metatype.annotations.ObjectClassDefinition;

                import dev.relive.api.LiveView;

                @Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
                public class DsView extends LiveView {
                    @ObjectClassDefinition
                    public @interface Config {
                        String greeting() default "hi";
                    }
                }
                """));

        try (BundleCompiler compiler = BundleCompiler.forJars(classPath)) {
            assertThat(compiler.compile(project, dir.resolve("classes")).errors()).isEmpty();
        }
    }

    private static List<URL> embeddedJars() throws Exception {
        Path folder = Path.of(CompileLibrariesTest.class.getClassLoader().getResource(CompileLibraries.FOLDER).toURI());
        try (Stream<Path> jars = Files.list(folder)) {
            List<URL> urls = new ArrayList<>();
            for (Path jar : jars.sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
            return urls;
        }
    }
}
