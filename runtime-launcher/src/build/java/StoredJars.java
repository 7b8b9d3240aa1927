import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Build step: rewrites each jar under the given folders with its entries stored, not deflated. The launcher jar
 * compresses the embedded bundles as a whole, so its size hardly changes, and Felix's bundle cache, which keeps each
 * bundle's jar as installed, then reads a class's bytes without inflating them at every launch. Entries keep their
 * order, names, contents and times; a jar already stored is left as it is.
 *
 * <pre>java src/build/java/StoredJars.java FOLDER...</pre>
 */
public final class StoredJars {

    private StoredJars() {
    }

    public static void main(String[] args) throws IOException {
        int rewritten = 0;
        for (String arg : args) {
            Path folder = Path.of(arg);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            List<Path> jars = new ArrayList<>();
            try (Stream<Path> files = Files.walk(folder)) {
                files.filter(p -> p.toString().endsWith(".jar")).forEach(jars::add);
            }
            Collections.sort(jars);
            for (Path jar : jars) {
                if (!stored(jar)) {
                    rewrite(jar);
                    rewritten++;
                }
            }
        }
        System.out.println("StoredJars: " + rewritten + " jar(s) rewritten with stored entries");
    }

    private static boolean stored(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().allMatch(e -> e.getMethod() == ZipEntry.STORED);
        }
    }

    private static void rewrite(Path jar) throws IOException {
        byte[] original = Files.readAllBytes(jar);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(original.length * 3);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(original));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                CRC32 crc = new CRC32();
                crc.update(content);
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setMethod(ZipEntry.STORED);
                copy.setSize(content.length);
                copy.setCompressedSize(content.length);
                copy.setCrc(crc.getValue());
                if (entry.getTime() != -1) {
                    copy.setTime(entry.getTime());
                }
                out.putNextEntry(copy);
                out.write(content);
                out.closeEntry();
            }
        }
        Path next = jar.resolveSibling(jar.getFileName() + ".stored");
        Files.write(next, bytes.toByteArray());
        Files.move(next, jar, StandardCopyOption.REPLACE_EXISTING);
    }
}
