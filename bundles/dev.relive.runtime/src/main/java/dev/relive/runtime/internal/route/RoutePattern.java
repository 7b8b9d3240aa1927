package dev.relive.runtime.internal.route;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A view's route, such as {@code /tasks} or {@code /tasks/{id}}: segments that are text to match exactly, or a
 * parameter in braces that matches any one non-empty segment. Immutable.
 */
public final class RoutePattern implements Comparable<RoutePattern> {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Enough for every route of a large application; past it the memo starts again. */
    private static final int MEMO_LIMIT = 512;
    private static final Map<String, RoutePattern> MEMO = new ConcurrentHashMap<>();

    private final String text;
    /** One entry per segment after the leading {@code /}: the text, or {@code null} for a parameter. */
    private final List<String> literals;
    private final List<String> names;

    private RoutePattern(String text, List<String> literals, List<String> names) {
        this.text = text;
        this.literals = literals;
        this.names = names;
    }

    /** Reads {@code route}; refuses one that does not start with {@code /} or has a malformed parameter. */
    public static RoutePattern parse(String route) {
        if (route == null || !route.startsWith("/")) {
            throw new IllegalArgumentException("a route starts with '/': " + route);
        }
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String segment : route.substring(1).split("/", -1)) {
            if (segment.startsWith("{") && segment.endsWith("}")) {
                String name = segment.substring(1, segment.length() - 1);
                if (!NAME.matcher(name).matches() || names.contains(name)) {
                    throw new IllegalArgumentException("bad or repeated parameter '" + segment + "' in " + route);
                }
                literals.add(null);
                names.add(name);
            } else if (segment.contains("{") || segment.contains("}")) {
                throw new IllegalArgumentException("a parameter must be a whole segment: " + route);
            } else {
                literals.add(segment);
                names.add(null);
            }
        }
        return new RoutePattern(route, Collections.unmodifiableList(literals), Collections.unmodifiableList(names));
    }

    /**
     * {@link #parse}, remembered: a runtime's routes are few, and each is matched on every page request and mount.
     * A malformed route is refused every time and never remembered.
     */
    public static RoutePattern of(String route) {
        RoutePattern known = route == null ? null : MEMO.get(route);
        if (known != null) {
            return known;
        }
        RoutePattern parsed = parse(route);
        if (MEMO.size() >= MEMO_LIMIT) {
            MEMO.clear();
        }
        MEMO.put(route, parsed);
        return parsed;
    }

    /** The route as written. */
    public String text() {
        return text;
    }

    /** The route with its parameter names left out: two patterns of the same shape match the same paths. */
    public String shape() {
        StringBuilder shape = new StringBuilder();
        for (String literal : literals) {
            shape.append('/').append(literal == null ? "{}" : literal);
        }
        return shape.toString();
    }

    /** The parameters of {@code path} (decoded) by name when the pattern matches it. */
    public Optional<Map<String, String>> match(String path) {
        String[] segments = segments(path);
        return segments == null ? Optional.empty() : match(segments);
    }

    /** The segments of {@code path} after its leading {@code /}, or {@code null} when it has none. */
    public static String[] segments(String path) {
        return path == null || !path.startsWith("/") ? null : path.substring(1).split("/", -1);
    }

    /** {@link #match(String)} of a path already cut into its {@link #segments}. */
    public Optional<Map<String, String>> match(String[] segments) {
        if (segments.length != literals.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < segments.length; i++) {
            String literal = literals.get(i);
            if (literal == null) {
                String value = decode(segments[i]);
                if (value == null || value.isEmpty()) {
                    return Optional.empty();
                }
                params.put(names.get(i), value);
            } else if (!literal.equals(segments[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    /** More specific first: at the first segment where one has text and the other a parameter, the text wins. */
    @Override
    public int compareTo(RoutePattern other) {
        int n = Math.min(literals.size(), other.literals.size());
        for (int i = 0; i < n; i++) {
            boolean mine = literals.get(i) != null;
            boolean theirs = other.literals.get(i) != null;
            if (mine != theirs) {
                return mine ? -1 : 1;
            }
        }
        return shape().compareTo(other.shape());
    }

    @Override
    public String toString() {
        return text;
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
