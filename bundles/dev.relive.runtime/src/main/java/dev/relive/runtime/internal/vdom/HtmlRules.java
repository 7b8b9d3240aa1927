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

    // a name's flags (Names.Name#rules): the sets below, and the tags the rules name one by one
    static final int REFUSED_TAG = 1;
    static final int CLOSES_AN_OPEN_P = 1 << 1;
    static final int ENDS_BUTTON_SCOPE = 1 << 2;
    static final int HEADING = 1 << 3;
    static final int TABLE = 1 << 4;
    static final int TABLE_SECTION = 1 << 5;
    static final int TR = 1 << 6;
    static final int CELL = 1 << 7;
    static final int ONCE_OPEN_TAG = 1 << 8;
    static final int DROPS_NEWLINE = 1 << 9;
    static final int SCRIPT_OR_STYLE = 1 << 10;
    static final int LI = 1 << 11;
    static final int DD_OR_DT = 1 << 12;
    static final int LIST = 1 << 13;
    static final int DL = 1 << 14;
    static final int P = 1 << 15;
    static final int VOID = 1 << 16;
    /** As an attribute name: its values repeat across elements (a table's cells) and are interned. */
    static final int SHARED_VALUE = 1 << 17;
    private static final int KIND_SHIFT = 24;

    /** Attributes whose values repeat across elements: one instance of each value is kept. */
    private static final Set<String> SHARED_VALUES = Set.of("class", "type", "role", "rl-click", "rl-change",
            "rl-input", "rl-submit", "scope", "align");

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

    /** The flags of the lower-case name {@code name}, as a tag or an attribute; its text kind in the high bits. */
    static int rulesOf(String name) {
        int r = 0;
        r |= REFUSED.contains(name) ? REFUSED_TAG : 0;
        r |= CLOSES_P.contains(name) ? CLOSES_AN_OPEN_P : 0;
        r |= SCOPE_ENDS.contains(name) ? ENDS_BUTTON_SCOPE : 0;
        r |= HEADINGS.contains(name) ? HEADING : 0;
        r |= TABLE_SECTIONS.contains(name) ? TABLE_SECTION : 0;
        r |= ONCE_OPEN.contains(name) ? ONCE_OPEN_TAG : 0;
        r |= DROPS_LEADING_NEWLINE.contains(name) ? DROPS_NEWLINE : 0;
        r |= SHARED_VALUES.contains(name) ? SHARED_VALUE : 0;
        r |= HtmlElements.isVoid(name) ? VOID : 0;
        r |= switch (name) {
            case "table" -> TABLE;
            case "tr" -> TR;
            case "td", "th" -> CELL;
            case "script", "style" -> SCRIPT_OR_STYLE;
            case "li" -> LI;
            case "dd", "dt" -> DD_OR_DT;
            case "ul", "ol", "menu" -> LIST;
            case "dl" -> DL;
            case "p" -> P;
            default -> 0;
        };
        return r | textKind(name) << KIND_SHIFT;
    }

    /** How the content of an element with these flags is read. */
    static int textKind(int rules) {
        return rules >>> KIND_SHIFT;
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

    /** Whether non-whitespace text stays where it stands inside an element with these flags. */
    static boolean takesText(int rules) {
        return (rules & (TABLE | TABLE_SECTION | TR)) == 0;
    }

    /**
     * Whether a start tag {@code tag} opened inside {@code top} (the current element; {@code open} the elements
     * around it, outermost first) stays there, as a child of {@code top}, in the tree builder.
     */
    static boolean fits(Names.Name tag, List<WellFormedParser.Frame> open, WellFormedParser.Frame top) {
        if (tag.is(REFUSED_TAG)) {
            return false;
        }
        boolean scriptOrStyle = tag.is(SCRIPT_OR_STYLE);
        int parent = top.rules;
        if ((parent & TABLE) != 0) {
            return scriptOrStyle || tag.is(TABLE_SECTION);
        }
        if ((parent & TABLE_SECTION) != 0) {
            return scriptOrStyle || tag.is(TR);
        }
        if ((parent & TR) != 0) {
            return scriptOrStyle || tag.is(CELL);
        }
        // table parts only inside their own parents
        if (tag.is(TABLE_SECTION | TR | CELL)) {
            return false;
        }
        if (tag.is(CLOSES_AN_OPEN_P) && pInButtonScope(open, top)) {
            return false;
        }
        if (tag.is(HEADING) && anyOpen(open, top, HEADING)) {
            return false;
        }
        if (tag.is(ONCE_OPEN_TAG) && anyOpen(open, top, tag.text())) {
            return false;
        }
        if (tag.is(LI)) {
            return !openBefore(open, top, "li", LIST);
        }
        if (tag.is(DD_OR_DT)) {
            return !openBefore(open, top, "dd", DL) && !openBefore(open, top, "dt", DL);
        }
        return true;
    }

    /**
     * What the start tags inside an element {@code tag} would find about it and the elements around it, given
     * {@code outside}, the same for its parent: bits for a {@code <p>} open in button scope, a heading open, an
     * {@code <a>}, {@code <button>} or {@code <form>} open, and an {@code <li>}, {@code <dd>} or {@code <dt>} open
     * within the nearest list. {@link #fits} reads nothing else outside the element it is asked about, so markup that
     * parsed into a tree inside one element parses into the same tree inside another with the same bits.
     */
    static int inside(int outside, Names.Name tag) {
        int r = tag.rules();
        String name = tag.text();
        int bits = outside;
        if ((r & P) != 0) {
            bits |= 1;
        } else if ((r & ENDS_BUTTON_SCOPE) != 0) {
            bits &= ~1;
        }
        if ((r & HEADING) != 0) {
            bits |= 1 << 1;
        }
        if ((r & ONCE_OPEN_TAG) != 0) {
            bits |= name.equals("a") ? 1 << 2 : name.equals("button") ? 1 << 3 : 1 << 4;
        }
        if ((r & LIST) != 0) {
            bits &= ~(1 << 5);
        }
        if ((r & LI) != 0) {
            bits |= 1 << 5;
        }
        if ((r & DL) != 0) {
            bits &= ~(3 << 6);
        }
        if ((r & DD_OR_DT) != 0) {
            bits |= name.equals("dd") ? 1 << 6 : 1 << 7;
        }
        return bits;
    }

    private static boolean pInButtonScope(List<WellFormedParser.Frame> open, WellFormedParser.Frame top) {
        for (int i = open.size(); i >= 0; i--) {
            int r = i == open.size() ? top.rules : open.get(i).rules;
            if ((r & P) != 0) {
                return true;
            }
            if ((r & ENDS_BUTTON_SCOPE) != 0) {
                return false;
            }
        }
        return false;
    }

    private static boolean anyOpen(List<WellFormedParser.Frame> open, WellFormedParser.Frame top, int rule) {
        if ((top.rules & rule) != 0) {
            return true;
        }
        for (WellFormedParser.Frame f : open) {
            if ((f.rules & rule) != 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyOpen(List<WellFormedParser.Frame> open, WellFormedParser.Frame top, String tag) {
        if (top.tag.equals(tag)) {
            return true;
        }
        for (WellFormedParser.Frame f : open) {
            if (f.tag.equals(tag)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code tag} is open inside the innermost element of {@code boundary} (or anywhere when none is open). */
    private static boolean openBefore(List<WellFormedParser.Frame> open, WellFormedParser.Frame top, String tag,
            int boundary) {
        for (int i = open.size(); i >= 0; i--) {
            WellFormedParser.Frame f = i == open.size() ? top : open.get(i);
            if (f.tag.equals(tag)) {
                return true;
            }
            if ((f.rules & boundary) != 0) {
                return false;
            }
        }
        return false;
    }
}
