package dev.relive.hvr.internal.build;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import aQute.bnd.osgi.EmbeddedResource;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Resource;

/**
 * bnd closes the class path jars of a builder with it, so jars kept for later builds are handed out as copies: a new
 * {@link Jar} holding the kept one's manifest and resources, which are immutable and shared.
 */
final class AnalysisJars {

    private AnalysisJars() {
    }

    /** A copy of {@code kept} for one builder to use and close. */
    static Jar copyOf(Jar kept) throws IOException {
        Jar copy = new Jar(kept.getName());
        for (Map.Entry<String, Resource> entry : kept.getResources().entrySet()) {
            copy.putResource(entry.getKey(), entry.getValue());
        }
        try {
            copy.setManifest(kept.getManifest());
        } catch (Exception e) {
            throw new IOException("cannot read the manifest of " + kept.getName(), e);
        }
        return copy;
    }

    /** The jar or class folder {@code file} read into memory, so that no file stays open while it is kept. */
    static Jar inMemory(File file) throws IOException {
        try (Jar read = new Jar(file)) {
            Jar kept = new Jar(read.getName());
            for (Map.Entry<String, Resource> entry : read.getResources().entrySet()) {
                Resource resource = entry.getValue();
                try (InputStream in = resource.openInputStream()) {
                    kept.putResource(entry.getKey(), new EmbeddedResource(in.readAllBytes(), resource.lastModified()));
                } catch (Exception e) {
                    throw new IOException("cannot read " + entry.getKey() + " of " + file, e);
                }
            }
            try {
                kept.setManifest(read.getManifest());
            } catch (Exception e) {
                throw new IOException("cannot read the manifest of " + file, e);
            }
            return kept;
        }
    }
}
