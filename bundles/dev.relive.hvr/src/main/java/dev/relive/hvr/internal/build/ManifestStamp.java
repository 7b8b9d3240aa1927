package dev.relive.hvr.internal.build;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * Writes one more main header into a jar's manifest, every other entry kept as it is but stored, not deflated: the
 * jar goes from memory to the framework's bundle cache on the same disk, where deflating every class on every save
 * would cost more than the bytes it saves.
 */
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
                    byte[] content = in.readAllBytes();
                    JarEntry copy = new JarEntry(entry.getName());
                    copy.setTime(entry.getTime());
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(content.length);
                    copy.setCompressedSize(content.length);
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    copy.setCrc(crc.getValue());
                    out.putNextEntry(copy);
                    out.write(content);
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite the manifest", e);
        }
    }
}
