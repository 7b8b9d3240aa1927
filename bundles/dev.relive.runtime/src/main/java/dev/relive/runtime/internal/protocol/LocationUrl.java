package dev.relive.runtime.internal.protocol;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for URLs a tab is sent to ({@code redirect}, {@code navigate}) or asks to navigate to: relative, or
 * {@code http}/{@code https}. Anything else ({@code javascript:}, {@code data:}, {@code file:}, ...) would run
 * script or open something other than a page. Control characters and surrounding spaces are refused outright,
 * since browsers drop them before reading the scheme ({@code "java\tscript:"} is {@code javascript:} to them).
 */
public final class LocationUrl {

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

    private LocationUrl() {
    }

    /** Whether {@code url} is relative or an http(s) URL. */
    public static boolean allowed(String url) {
        if (url == null || url.isEmpty() || !url.strip().equals(url)) {
            return false;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        Matcher scheme = SCHEME.matcher(url);
        if (!scheme.find()) {
            return true;
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        return name.equals("http") || name.equals("https");
    }

    /**
     * Whether {@code url} is a path on this site: allowed, starting with one {@code /} (not {@code //}, which
     * names another host) and without a backslash (which browsers read as {@code /}).
     */
    public static boolean sitePath(String url) {
        return allowed(url) && url.startsWith("/") && !url.startsWith("//") && url.indexOf('\\') < 0;
    }

    /** {@code url} when it is a {@link #sitePath}; otherwise an {@link IllegalArgumentException} saying why. */
    public static String requireSitePath(String url, String use) {
        if (!sitePath(url)) {
            throw new IllegalArgumentException(use + " refused: only a path on this site (starting with one '/') "
                    + "is allowed, not '" + ClientFrameParser.shorten(url == null ? "null" : url) + "'");
        }
        return url;
    }

    /** {@code url} when {@link #allowed}; otherwise an {@link IllegalArgumentException} saying why. */
    public static String require(String url, String use) {
        if (!allowed(url)) {
            throw new IllegalArgumentException(use + " refused: only relative or http(s) URLs are allowed, not '"
                    + ClientFrameParser.shorten(url == null ? "null" : url) + "'");
        }
        return url;
    }
}
