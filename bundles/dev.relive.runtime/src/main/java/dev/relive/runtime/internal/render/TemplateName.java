package dev.relive.runtime.internal.render;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where a template's text comes from: a resource {@code path} of the bundle (or class loader) {@code origin}.
 * Written {@code origin!path}; an inline template ({@code LiveView.template()}) has a path ending in
 * {@code #<digest>}, beside the class it belongs to, so that its includes resolve against the view's folder.
 */
record TemplateName(String origin, String path) {

    static final String LIBRARY_PREFIX = "@";
    private static final char SEPARATOR = '!';

    static TemplateName parse(String name) {
        int at = name.indexOf(SEPARATOR);
        if (at <= 0) {
            throw new IllegalArgumentException("not a template name: " + name);
        }
        return new TemplateName(name.substring(0, at), name.substring(at + 1));
    }

    boolean inline() {
        return path.indexOf('#') >= 0;
    }

    /**
     * The template {@code reference} names when written in this one: {@code /a/b.peb} from the root of the same
     * origin, {@code b.peb} or {@code ../b.peb} from this template's folder. Library references ({@code @kit/x.peb})
     * are not resolved here. {@code null} when the path climbs above the origin's root.
     */
    TemplateName resolve(String reference) {
        String base = reference.startsWith("/") ? "" : folder();
        Deque<String> parts = new ArrayDeque<>();
        for (String part : (base + "/" + reference).split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? null : new TemplateName(origin, String.join("/", parts));
    }

    private String folder() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    @Override
    public String toString() {
        return origin + SEPARATOR + path;
    }
}
