package dev.relive.hvr.internal.save;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.relive.hvr.internal.build.SourceDigest;

/**
 * The last jar HVR installed for each bundle, kept as {@code .relive/hvr/builds/<Bundle-SymbolicName>.jar} in the
 * launcher's state folder. A restart installs the jars of {@code deploy/} and the embedded ones, which predate the
 * saves of the last run; the kept jar of a bundle whose sources have not changed since is installed again instead of
 * building the same sources once more on every start.
 */
public final class KeptBuilds {

    private static final Logger LOG = LoggerFactory.getLogger("dev.relive.hvr");

    private final Path folder;

    /** @param folder where the jars are kept; {@code null} keeps nothing */
    KeptBuilds(Path folder) {
        this.folder = folder;
    }

    /** In the folder the launcher names in {@code relive.state}; without one, nothing is kept. */
    static KeptBuilds of(BundleContext context) {
        String state = context.getProperty("relive.state");
        return new KeptBuilds(state == null ? null : Path.of(state, "hvr", "builds"));
    }

    /** Keeps {@code jar} as the last build of {@code bsn}; a failure to write only loses the shortcut. */
    void keep(String bsn, byte[] jar) {
        if (folder == null) {
            return;
        }
        try {
            Files.createDirectories(folder);
            Path staged = Files.createTempFile(folder, bsn, ".tmp");
            Files.write(staged, jar);
            Files.move(staged, folder.resolve(bsn + ".jar"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("HVR: cannot keep the build of {} in {}: {}", bsn, folder, e.toString());
        }
    }

    /** The kept jar of {@code bsn} if it was written after {@code time}, else {@code null}. */
    byte[] newerThan(String bsn, java.nio.file.attribute.FileTime time) {
        if (folder == null) {
            return null;
        }
        Path file = folder.resolve(bsn + ".jar");
        try {
            return Files.isRegularFile(file) && Files.getLastModifiedTime(file).compareTo(time) > 0
                    ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            LOG.debug("HVR: cannot read the kept build {}: {}", file, e.toString());
            return null;
        }
    }

    /** The kept jar of {@code bsn} if it was built from {@code project}'s sources as they are now, else {@code null}. */
    byte[] matching(String bsn, Path project) {
        if (folder == null) {
            return null;
        }
        Path file = folder.resolve(bsn + ".jar");
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            byte[] jar = Files.readAllBytes(file);
            try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
                Manifest manifest = in.getManifest();
                String digest = manifest == null ? null : manifest.getMainAttributes().getValue(SourceDigest.HEADER);
                return digest != null && digest.equals(SourceDigest.of(project)) ? jar : null;
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("HVR: cannot read the kept build {}: {}", file, e.toString());
            return null;
        }
    }
}
