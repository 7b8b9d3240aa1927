package dev.relive.hvr.internal.save;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.relive.runtime.spi.TemplateSource;

/**
 * Template files saved since their bundle was last built: the runtime renders these texts instead of the bundle's
 * resources, so a template-only edit needs no bundle update. A rebuild of the bundle drops its overrides.
 */
public final class TemplateOverrides implements TemplateSource {

    private final Map<String, Map<String, String>> byBundle = new ConcurrentHashMap<>();

    @Override
    public String template(String bundleSymbolicName, String path) {
        Map<String, String> texts = byBundle.get(bundleSymbolicName);
        return texts == null ? null : texts.get(path);
    }

    public void put(String bundleSymbolicName, String path, String text) {
        byBundle.computeIfAbsent(bundleSymbolicName, b -> new ConcurrentHashMap<>()).put(path, text);
    }

    public void clear(String bundleSymbolicName) {
        byBundle.remove(bundleSymbolicName);
    }
}
