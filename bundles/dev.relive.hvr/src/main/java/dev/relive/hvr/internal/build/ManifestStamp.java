package dev.relive.hvr.internal.build;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes one more main header into a jar's manifest, every other entry kept as it is. */
public final class ManifestStamp {

    private ManifestStamp() {
    }

    public static byte[] with(byte[] jar, String header, String value) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar), false)) {
            Manifest manifest = in.getManifest() == null ? new Manifest() : in.getManifest();
            manifest.getMainAttributes().putValue(header, value);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(jar.length + 128);
            try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    JarEntry copy = new JarEntry(entry.getName());
                    copy.setTime(entry.getTime());
                    out.putNextEntry(copy);
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite the manifest", e);
        }
    }
}
