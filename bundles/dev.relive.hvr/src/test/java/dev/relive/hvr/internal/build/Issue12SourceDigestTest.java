package dev.relive.hvr.internal.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 item 6: what tells an installed bundle built from other sources than the project's current ones. */
class Issue12SourceDigestTest {

    @TempDir
    Path project;

    @Test
    void theDigestFollowsSourcesResourcesAndBuildFilesButNotTheBuildOutput() throws IOException {
        write("src/main/java/a/View.java", "class View {}");
        write("src/main/resources/a/View.peb", "<p>v1</p>");
        write("bnd.bnd", "-include: ../../bnd.bnd");
        String first = SourceDigest.of(project);
        assertThat(SourceDigest.of(project)).isEqualTo(first);

        write("target/classes/a/View.class", "bytes");
        write("src/main/java/a/.View.java.swp", "editor temp");
        assertThat(SourceDigest.of(project)).isEqualTo(first);

        write("src/main/resources/a/View.peb", "<p>v2</p>");
        String second = SourceDigest.of(project);
        assertThat(second).isNotEqualTo(first);
        write("bnd.bnd", "-include: ../../bnd.bnd\nX: 1");
        assertThat(SourceDigest.of(project)).isNotEqualTo(second);

        // the same text in another file is another project
        Files.move(project.resolve("src/main/java/a/View.java"), project.resolve("src/main/java/a/Other.java"));
        write("bnd.bnd", "-include: ../../bnd.bnd\nX: 1");
        assertThat(SourceDigest.of(project)).isNotEqualTo(second);
    }

    @Test
    void theStampAddsOneHeaderAndKeepsEveryEntryAndHeader() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "com.example.tasks");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            out.putNextEntry(new JarEntry("OSGI-INF/a.xml"));
            out.write("<xml/>".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new JarEntry("a/View.class"));
            out.write(new byte[] {1, 2, 3});
        }

        byte[] stamped = ManifestStamp.with(bytes.toByteArray(), SourceDigest.HEADER, "abc");

        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(stamped))) {
            assertThat(in.getManifest().getMainAttributes().getValue(SourceDigest.HEADER)).isEqualTo("abc");
            assertThat(in.getManifest().getMainAttributes().getValue("Bundle-SymbolicName"))
                    .isEqualTo("com.example.tasks");
            List<String> entries = new ArrayList<>();
            for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                entries.add(e.getName() + "=" + new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).length());
            }
            assertThat(entries).containsExactly("OSGI-INF/a.xml=6", "a/View.class=3");
        }
    }

    private void write(String path, String text) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
