package dev.relive.api;

import java.util.Map;
import java.util.Objects;

/**
 * Title and {@code <meta name=... content=...>} tags of a view's page. Changes are sent to the browser with the
 * next patch.
 *
 * @param title page title, or {@code null} to keep the default
 * @param meta meta tags by name
 */
public record PageMeta(String title, Map<String, String> meta) {
    /** No title, no meta tags. */
    public static final PageMeta NONE = new PageMeta(null, Map.of());

    public PageMeta {
        meta = Map.copyOf(Objects.requireNonNullElse(meta, Map.of()));
    }

    /** A page meta with only a title. */
    public static PageMeta title(String title) {
        return new PageMeta(title, Map.of());
    }
}
