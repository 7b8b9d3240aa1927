package dev.relive.hvr.internal.save;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.relive.hvr.internal.build.SourceDigest;

/**
 * Issue 12, item 6: the last build of a bundle is kept, and a restart installs it only while the sources are those
 * it was built from.
 */
class Issue12KeptBuildsTest {

    @TempDir
    Path dir;

    @Test
    void theKeptBuildIsOfferedWhileTheSourcesAreThoseItWasBuiltFrom() throws IOException {
        Path project = project();
        KeptBuilds kept = new KeptBuilds(dir.resolve("state/hvr/builds"));
        byte[] jar = jar(SourceDigest.of(project));
        kept.keep("com.example.views", jar);

        assertThat(kept.matching("com.example.views", project)).isEqualTo(jar);
        assertThat(kept.matching("com.example.other", project)).isNull();

        Files.writeString(project.resolve("src/main/java/com/example/views/View.java"),
                "package com.example.views;\npublic class View { int changed; }\n");
        assertThat(kept.matching("com.example.views", project)).as("the sources changed since").isNull();
    }

    @Test
    void withoutAStateFolderNothingIsKept() throws IOException {
        Path project = project();
        KeptBuilds kept = new KeptBuilds(null);
        kept.keep("com.example.views", jar(SourceDigest.of(project)));
        assertThat(kept.matching("com.example.views", project)).isNull();
    }

    private Path project() throws IOException {
        Path project = dir.resolve("views");
        Path source = Files.createDirectories(project.resolve("src/main/java/com/example/views"));
        Files.writeString(source.resolve("View.java"), "package com.example.views;\npublic class View { }\n");
        Files.writeString(project.resolve("bnd.bnd"), "Bundle-SymbolicName: com.example.views\n");
        return project;
    }

    private static byte[] jar(String digest) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue(SourceDigest.HEADER, digest);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            out.flush();
        }
        return bytes.toByteArray();
    }
}
