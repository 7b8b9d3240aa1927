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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.loader.Loader;

import dev.relive.runtime.spi.TemplateSource;

/**
 * Pebble loader over the templates of bundles: a view's own template, what it includes, extends or imports from
 * its bundle ({@code row.peb}, {@code /shared/row.peb}), and what other bundles share as libraries
 * ({@code @uikit/forms.peb}). A dev {@link TemplateSource} may supply newer text for any of them. Pebble's cache
 * key holds the text's digest, so an edited template (saved in dev, or in an updated bundle) is never a stale hit.
 */
final class TemplateLoader implements Loader<TemplateLoader.Key> {

    private static final int MAX_ENTRIES = 10_000;
    private static final Optional<String> ABSENT = Optional.empty();

    /** Pebble's cache key: a template's name and the digest of its text. */
    record Key(String name, String digest, String text) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.name.equals(name) && k.digest.equals(digest);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, digest);
        }
    }

    private final TemplateLibraries libraries;
    private final Map<String, TemplateOrigin> origins = new ConcurrentHashMap<>();
    private final Map<String, String> inline = new ConcurrentHashMap<>();
    private final Map<String, Optional<String>> resources = new ConcurrentHashMap<>();
    private final Map<String, String> digests = new ConcurrentHashMap<>();
    private final ThreadLocal<Set<String>> uses = new ThreadLocal<>();
    private volatile TemplateSource override;

    TemplateLoader(TemplateLibraries libraries) {
        this.libraries = libraries;
    }

    void setOverride(TemplateSource source) {
        this.override = source;
    }

    /** The name of the resource {@code path} of {@code origin}. */
    TemplateName name(TemplateOrigin origin, String path) {
        origins.put(origin.key(), origin);
        return new TemplateName(origin.key(), path);
    }

    /** The name of an inline template {@code text} that belongs beside the template file {@code file}. */
    TemplateName inline(TemplateName file, String text) {
        if (inline.size() > MAX_ENTRIES) {
            inline.clear();
        }
        TemplateName name = new TemplateName(file.origin(), file.path() + "#" + digest(text));
        inline.put(name.toString(), text);
        return name;
    }

    /** The text of {@code name}: the dev source's, else the resource's; {@code null} when there is none. */
    String text(TemplateName name) {
        if (name.inline()) {
            return inline.get(name.toString());
        }
        TemplateSource source = override;
        if (source != null) {
            String text = source.template(name.origin(), name.path());
            if (text != null) {
                return text;
            }
        }
        TemplateOrigin origin = origins.get(name.origin());
        if (origin == null) {
            return null;
        }
        if (resources.size() > MAX_ENTRIES) {
            resources.clear();
        }
        return resources.computeIfAbsent(origin.key() + "|" + origin.stamp() + "|" + name.path(),
                k -> read(origin, name.path())).orElse(null);
    }

    /**
     * Runs {@code render} and adds to {@code into} the name of every template file it read
     * ({@code origin!path}).
     */
    <T> T recordingUses(Set<String> into, java.util.function.Supplier<T> render) {
        Set<String> previous = uses.get();
        uses.set(into);
        try {
            return render.get();
        } finally {
            uses.set(previous);
        }
    }

    /** {@code reference} as written in template {@code anchor}, as a name; {@code null} when it names nothing. */
    TemplateName resolve(String reference, TemplateName anchor) {
        if (reference.startsWith(TemplateName.LIBRARY_PREFIX)) {
            int slash = reference.indexOf('/');
            TemplateLibraries.Library library = slash < 0 ? null
                    : libraries.get(reference.substring(TemplateName.LIBRARY_PREFIX.length(), slash));
            if (library == null) {
                return null;
            }
            String folder = library.folder().isEmpty() ? "" : library.folder() + "/";
            TemplateName inFolder = name(library.origin(), folder + "x").resolve(reference.substring(slash + 1)
                    .replaceFirst("^/+", ""));
            return inFolder != null && inFolder.path().startsWith(folder) ? inFolder : null;
        }
        return anchor.resolve(reference);
    }

    @Override
    public Key createCacheKey(String templateName) {
        TemplateName name = TemplateName.parse(templateName);
        Set<String> into = uses.get();
        if (into != null && !name.inline()) {
            // a template that is missing too: the render that looked for it is to run again once it exists
            into.add(templateName);
        }
        String text = text(name);
        if (text == null) {
            throw new LoaderException(null, "no template " + name.path() + " in " + name.origin());
        }
        return new Key(templateName, digest(text), text);
    }

    @Override
    public Reader getReader(Key key) {
        return new StringReader(key.text());
    }

    @Override
    public String resolveRelativePath(String relativePath, String anchorPath) {
        if (anchorPath == null || anchorPath.indexOf('!') <= 0) {
            return relativePath;
        }
        TemplateName resolved = resolve(relativePath, TemplateName.parse(anchorPath));
        if (resolved == null) {
            throw new LoaderException(null, "no template " + relativePath + " (from " + anchorPath + ")");
        }
        return resolved.toString();
    }

    @Override
    public boolean resourceExists(String templateName) {
        return templateName.indexOf('!') > 0 && text(TemplateName.parse(templateName)) != null;
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

    private String digest(String text) {
        if (digests.size() > MAX_ENTRIES) {
            digests.clear();
        }
        return digests.computeIfAbsent(text, TemplateLoader::sha256);
    }

    private static Optional<String> read(TemplateOrigin origin, String path) {
        try {
            InputStream in = origin.open(path);
            if (in == null) {
                return ABSENT;
            }
            try (in) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new RenderException("cannot read " + path + " of " + origin.key() + ": " + e.getMessage(), e);
        }
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
