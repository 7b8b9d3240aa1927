package dev.relive.hvr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Issue 12 item 6: the jar a bundle location names, to compare its age with the sources'. */
class Issue12OutOfDateBundlesTest {

    @Test
    void fileAndReferenceLocationsNameTheirJarOthersNone() {
        Path jar = Path.of("/tmp/deploy/com.example.tasks.jar").toAbsolutePath();
        assertThat(OutOfDateBundles.jarFile(jar.toUri().toString())).isEqualTo(jar);
        assertThat(OutOfDateBundles.jarFile("reference:" + jar.toUri())).isEqualTo(jar);
        assertThat(OutOfDateBundles.jarFile("relive:app/dev.relive.examples.counter.jar")).isNull();
        assertThat(OutOfDateBundles.jarFile("file:not a uri")).isNull();
    }
}
