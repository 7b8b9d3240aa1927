package dev.relive.test.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that rewrites a bundle's jar while a test's runtime runs (an {@code mvn install} of the same project into
 * the local repository) does not reach the runtime: its jars were copied when they were installed. By reference,
 * the next class loaded from the rewritten jar failed ({@code ClassFormatError: Incompatible magic value 0}).
 */
class Issue13CopiedJarsTest {

    @TempDir
    Path folder;

    @Test
    void issue13AJarRewrittenWhileTheRuntimeRunsDoesNotChangeIt() throws Exception {
        List<Path> found = ClassPathBundles.named(List.of("dev.relive.testlib", "dev.relive.testviews"));
        Path testviews = folder.resolve("testviews.jar");
        jar(found.get(1), testviews);

        try (EmbeddedRuntime runtime = EmbeddedRuntime.start(List.of(found.get(0), testviews), false)) {
            Files.write(testviews, new byte[(int) Files.size(testviews)]);

            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(runtime.baseUrl().resolve("test/echo")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"greeting\"");
        }
    }

    /** {@code bundle} (a jar, or a {@code target/classes} folder in a reactor build) as the jar {@code target}. */
    private static void jar(Path bundle, Path target) throws IOException {
        if (!Files.isDirectory(bundle)) {
            Files.copy(bundle, target);
            return;
        }
        Manifest manifest;
        try (InputStream in = Files.newInputStream(bundle.resolve("META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in);
        }
        try (OutputStream out = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(out, manifest);
                Stream<Path> files = Files.walk(bundle)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = bundle.relativize(file).toString().replace('\\', '/');
                if (!name.equals("META-INF/MANIFEST.MF")) {
                    jar.putNextEntry(new JarEntry(name));
                    Files.copy(file, jar);
                    jar.closeEntry();
                }
            }
        }
    }
}
