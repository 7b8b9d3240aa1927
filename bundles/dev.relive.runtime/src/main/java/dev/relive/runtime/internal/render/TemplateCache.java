package dev.relive.runtime.internal.render;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.pebbletemplates.pebble.cache.PebbleCache;
import io.pebbletemplates.pebble.template.PebbleTemplate;

/**
 * Pebble's cache of parsed templates, holding one version per template name: a template saved again (dev), or read
 * from an updated bundle, replaces the version parsed before instead of adding to it, so a long dev session does not
 * grow the heap with every save. An inline template's name carries its text's digest, so a view whose inline template
 * varies makes a new name per text: those, and a runtime with very many templates, are bounded by the most names
 * kept, past which the cache starts again empty (each template in use is parsed again once).
 *
 * <p>Two threads that miss the same template at once may both parse it; the last one's stays.
 */
final class TemplateCache implements PebbleCache<Object, PebbleTemplate> {

    static final int DEFAULT_MAX_NAMES = 2_000;

    private record Entry(Object key, PebbleTemplate template) {
    }

    private final int maxNames;
    private final Map<String, Entry> byName = new ConcurrentHashMap<>();

    TemplateCache() {
        this(DEFAULT_MAX_NAMES);
    }

    TemplateCache(int maxNames) {
        this.maxNames = maxNames;
    }

    @Override
    public PebbleTemplate computeIfAbsent(Object key, Function<? super Object, ? extends PebbleTemplate> parse) {
        String name = nameOf(key);
        Entry kept = byName.get(name);
        if (kept != null && kept.key().equals(key)) {
            return kept.template();
        }
        PebbleTemplate template = parse.apply(key);
        if (kept == null && byName.size() >= maxNames) {
            byName.clear();
        }
        byName.put(name, new Entry(key, template));
        return template;
    }

    @Override
    public void invalidateAll() {
        byName.clear();
    }

    /** How many template versions are kept. */
    int size() {
        return byName.size();
    }

    private static String nameOf(Object key) {
        return key instanceof TemplateLoader.Key k ? k.name() : String.valueOf(key);
    }
}
