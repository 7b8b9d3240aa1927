package dev.relive.hvr.internal.build;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;

import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.tools.SimpleJavaFileObject;

/** A class file on the framework class path, read through a URL (a bundle entry or a launcher jar entry). */
final class UrlClassFile extends SimpleJavaFileObject {

    private final String binaryName;
    private final URL url;

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
        return url.openStream();
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
