package dev.relive.hvr.internal.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a bundle project's build reads from its folder: the files under {@code src/main/java} and
 * {@code src/main/resources}, {@code bnd.bnd} and {@code pom.xml}. Its digest, written by HVR into the manifest of
 * each jar it builds ({@value #HEADER}), tells whether an installed bundle was built from the sources as they are.
 */
public final class SourceDigest {

    /** The manifest header holding the digest of the sources a jar was built from. */
    public static final String HEADER = "Relive-Source-Digest";

    private SourceDigest() {
    }

    /**
     * SHA-256 over each input's path, relative to {@code project}, and the SHA-256 of its content, in path order;
     * only the files changed since the last digest are read (see {@link FileCache}).
     */
    public static String of(Path project) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : inputs(project)) {
                digest.update(project.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(FileCache.SHARED.sha256(file));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sources of " + project, e);
        }
    }

    /** The last modification time of any input, or the epoch when there is none. */
    public static FileTime lastModified(Path project) {
        FileTime newest = FileTime.fromMillis(0);
        try {
            for (Path file : inputs(project)) {
                FileTime time = Files.getLastModifiedTime(file);
                if (time.compareTo(newest) > 0) {
                    newest = time;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sources of " + project, e);
        }
        return newest;
    }

    private static List<Path> inputs(Path project) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path tree : List.of(ProjectLayout.sources(project), ProjectLayout.resources(project))) {
            if (Files.isDirectory(tree)) {
                try (Stream<Path> walk = Files.walk(tree)) {
                    walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                            .forEach(files::add);
                }
            }
        }
        for (String name : List.of("bnd.bnd", "pom.xml")) {
            if (Files.isRegularFile(project.resolve(name))) {
                files.add(project.resolve(name));
            }
        }
        files.sort(null);
        return files;
    }
}
