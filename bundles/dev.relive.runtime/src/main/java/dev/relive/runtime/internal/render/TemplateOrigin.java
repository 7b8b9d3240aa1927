package dev.relive.runtime.internal.render;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;

import org.osgi.framework.Bundle;

/** Where template resources are read from: a bundle's own entries, or a class loader outside OSGi. */
interface TemplateOrigin {

    /** The origin's part of a {@link TemplateName}: the bundle's symbolic name. */
    String key();

    /** Changes whenever the resources may have changed (a bundle update). */
    long stamp();

    /** The resource, or {@code null} when there is none. */
    InputStream open(String path) throws IOException;

    static TemplateOrigin of(Bundle bundle) {
        return new TemplateOrigin() {
            @Override
            public String key() {
                return bundle.getSymbolicName();
            }

            @Override
            public long stamp() {
                return bundle.getLastModified();
            }

            @Override
            public InputStream open(String path) throws IOException {
                URL url = bundle.getEntry(path);
                return url == null ? null : url.openStream();
            }
        };
    }

    static TemplateOrigin of(ClassLoader loader) {
        String key = "loader-" + Integer.toHexString(System.identityHashCode(loader));
        return new TemplateOrigin() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public long stamp() {
                return 0;
            }

            @Override
            public InputStream open(String path) {
                return loader.getResourceAsStream(path);
            }
        };
    }
}
