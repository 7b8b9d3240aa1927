package dev.relive.hvr.internal.build;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;

import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.tools.SimpleJavaFileObject;

/**
 * A class file on the framework class path, read through a URL (a bundle entry or a launcher jar entry). Its bytes
 * are read once and kept: the entry belongs to one bundle revision (a new revision lists new files), so it never
 * changes, and each compile would otherwise open and inflate again every class it looks at.
 */
final class UrlClassFile extends SimpleJavaFileObject {

    private final String binaryName;
    private final URL url;
    private volatile byte[] bytes;

    /**
     * @param origin names where the class comes from (e.g. a bundle id); part of the unique URI
     * @param resourceName e.g. {@code dev/relive/api/LiveView.class}
     */
    UrlClassFile(String origin, String resourceName, URL url) {
        super(URI.create("relive-classpath:/" + origin + "/" + resourceName), Kind.CLASS);
        this.binaryName = resourceName.substring(0, resourceName.length() - Kind.CLASS.extension.length())
                .replace('/', '.');
        this.url = url;
    }

    String binaryName() {
        return binaryName;
    }

    @Override
    public InputStream openInputStream() throws IOException {
        byte[] content = bytes;
        if (content == null) {
            try (InputStream in = url.openStream()) {
                content = in.readAllBytes();
            }
            bytes = content;
        }
        return new ByteArrayInputStream(content);
    }

    @Override
    public boolean isNameCompatible(String simpleName, Kind kind) {
        return kind == Kind.CLASS && binaryName.substring(binaryName.lastIndexOf('.') + 1).equals(simpleName);
    }

    @Override
    public NestingKind getNestingKind() {
        return null;
    }

    @Override
    public Modifier getAccessLevel() {
        return null;
    }
}
