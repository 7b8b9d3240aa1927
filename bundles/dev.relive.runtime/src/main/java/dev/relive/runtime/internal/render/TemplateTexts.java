package dev.relive.runtime.internal.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.loader.Loader;

/**
 * Pebble loader over template texts registered by content: a template's name is the hash of its text, so an edited
 * template (inline, a new bundle's file, or a dev override) is a new name and never a stale cache hit.
 */
final class TemplateTexts implements Loader<String> {

    private static final int MAX_TEXTS = 10_000;

    private final Map<String, String> textsByName = new ConcurrentHashMap<>();
    private final Map<String, String> namesByText = new ConcurrentHashMap<>();

    /** The name under which {@code text} can be loaded. */
    String nameOf(String text) {
        String name = namesByText.get(text);
        if (name != null) {
            return name;
        }
        if (namesByText.size() > MAX_TEXTS) {
            namesByText.clear();
        }
        name = "t" + sha256(text);
        textsByName.put(name, text);
        namesByText.put(text, name);
        return name;
    }

    static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public Reader getReader(String name) {
        String text = textsByName.get(name);
        if (text == null) {
            throw new LoaderException(null, "no template " + name);
        }
        return new StringReader(text);
    }

    @Override
    public void setCharset(String charset) {
    }

    @Override
    public void setPrefix(String prefix) {
    }

    @Override
    public void setSuffix(String suffix) {
    }

    @Override
    public String resolveRelativePath(String relativePath, String anchorPath) {
        return relativePath;
    }

    @Override
    public String createCacheKey(String templateName) {
        return templateName;
    }

    @Override
    public boolean resourceExists(String templateName) {
        return textsByName.containsKey(templateName);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
