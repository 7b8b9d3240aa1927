package dev.relive.runtime.internal.vdom;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tree builder's rules that {@link WellFormedParser} must not cross: where an element may stand so that the
 * HTML5 tree builder keeps it where the markup puts it, and how an element's text is read. Conservative: a start
 * tag that might make the tree builder close, move or add an element is refused.
 */
final class HtmlRules {

    static final int ELEMENTS = 0;
    static final int RAW = 1;
    static final int SCRIPT = 2;
    static final int ESCAPABLE = 3;

    private static final int MAX_INTERNED = 4096;
    private static final ConcurrentHashMap<String, String> NAMES = new ConcurrentHashMap<>();

    /** Elements the tree builder handles specially, or whose content is not HTML elements and text. */
    private static final Set<String> REFUSED = Set.of("html", "head", "body", "frameset", "frame", "template",
            "noscript", "plaintext", "xmp", "iframe", "noembed", "noframes", "image", "isindex", "svg", "math", "rb",
            "rt", "rp", "rtc", "applet", "marquee", "object", "keygen", "menuitem", "caption", "colgroup", "col",
            "select", "option", "optgroup", "datalist", "nobr", "search", "hgroup");

    /** Start tags that close an open {@code <p>} in button scope. */
    private static final Set<String> CLOSES_P = Set.of("address", "article", "aside", "blockquote", "center",
            "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "header", "main",
            "menu", "nav", "ol", "p", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing",
            "form", "li", "dd", "dt", "table", "hr");

    /** Elements that end the button scope. */
    private static final Set<String> SCOPE_ENDS = Set.of("button", "table", "td", "th", "caption", "html",
            "template", "applet", "marquee", "object");

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> TABLE_SECTIONS = Set.of("thead", "tbody", "tfoot");
    /** Elements in which only whitespace text stays in place (other text is moved out of the table). */
    private static final Set<String> TABLE_CONTEXTS = Set.of("table", "thead", "tbody", "tfoot", "tr");
    private static final Set<String> ONCE_OPEN = Set.of("a", "button", "form");
    private static final Set<String> DROPS_LEADING_NEWLINE = Set.of("pre", "listing", "textarea");

    private HtmlRules() {
    }

    /** The one instance of a tag or attribute name, so that trees share their names. */
    static String intern(String name) {
        String known = NAMES.get(name);
        if (known != null) {
            return known;
        }
        if (NAMES.size() >= MAX_INTERNED || name.length() > 32) {
            return name;
        }
        known = NAMES.putIfAbsent(name, name);
        return known == null ? name : known;
    }

    /** How the content of an element is read. */
    static int textKind(String tag) {
        return switch (tag) {
            case "script" -> SCRIPT;
            case "style" -> RAW;
            case "textarea", "title" -> ESCAPABLE;
            default -> ELEMENTS;
        };
    }

    static boolean dropsLeadingNewline(String tag) {
        return DROPS_LEADING_NEWLINE.contains(tag);
    }

    /** Whether non-whitespace text stays where it stands inside {@code tag}. */
    static boolean takesText(String tag) {
        return !TABLE_CONTEXTS.contains(tag);
    }

    /**
     * Whether a start tag {@code tag} opened inside {@code parent} (the current element; {@code open} the elements
     * around it, outermost first) stays there, as a child of {@code parent}, in the tree builder.
     */
    static boolean fits(String tag, String parent, List<WellFormedParser.Frame> open, WellFormedParser.Frame top) {
        if (REFUSED.contains(tag)) {
            return false;
        }
        boolean scriptOrStyle = tag.equals("script") || tag.equals("style");
        switch (parent) {
            case "table" -> {
                return scriptOrStyle || TABLE_SECTIONS.contains(tag);
            }
            case "thead", "tbody", "tfoot" -> {
                return scriptOrStyle || tag.equals("tr");
            }
            case "tr" -> {
                return scriptOrStyle || tag.equals("td") || tag.equals("th");
            }
            default -> {
                // table parts only inside their own parents
            }
        }
        if (TABLE_SECTIONS.contains(tag) || tag.equals("tr") || tag.equals("td") || tag.equals("th")) {
            return false;
        }
        if (CLOSES_P.contains(tag) && pInButtonScope(open, top)) {
            return false;
        }
        if (HEADINGS.contains(tag) && anyOpen(open, top, HEADINGS)) {
            return false;
        }
        if (ONCE_OPEN.contains(tag) && anyOpen(open, top, Set.of(tag))) {
            return false;
        }
        if (tag.equals("li")) {
            return !openBefore(open, top, "li", Set.of("ul", "ol", "menu"));
        }
        if (tag.equals("dd") || tag.equals("dt")) {
            return !openBefore(open, top, "dd", Set.of("dl")) && !openBefore(open, top, "dt", Set.of("dl"));
        }
        return true;
    }

    private static boolean pInButtonScope(List<WellFormedParser.Frame> open, WellFormedParser.Frame top) {
        for (int i = open.size(); i >= 0; i--) {
            String t = i == open.size() ? top.tag : open.get(i).tag;
            if (t.equals("p")) {
                return true;
            }
            if (SCOPE_ENDS.contains(t)) {
                return false;
            }
        }
        return false;
    }

    private static boolean anyOpen(List<WellFormedParser.Frame> open, WellFormedParser.Frame top, Set<String> tags) {
        if (tags.contains(top.tag)) {
            return true;
        }
        for (WellFormedParser.Frame f : open) {
            if (tags.contains(f.tag)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code tag} is open inside the innermost of {@code boundaries} (or anywhere when none is open). */
    private static boolean openBefore(List<WellFormedParser.Frame> open, WellFormedParser.Frame top, String tag,
            Set<String> boundaries) {
        for (int i = open.size(); i >= 0; i--) {
            String t = i == open.size() ? top.tag : open.get(i).tag;
            if (t.equals(tag)) {
                return true;
            }
            if (boundaries.contains(t)) {
                return false;
            }
        }
        return false;
    }
}
