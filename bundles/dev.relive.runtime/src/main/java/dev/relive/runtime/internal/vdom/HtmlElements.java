package dev.relive.runtime.internal.vdom;

import java.util.Set;

/** What the HTML parsing and serialization algorithms treat specially, by element. */
final class HtmlElements {

    /** Elements without end tag or children. */
    private static final Set<String> VOID = Set.of("area", "base", "basefont", "bgsound", "br", "col", "embed",
            "frame", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr");

    /**
     * Elements whose text is not entity-decoded by the parser, so it is serialized as is. {@code noscript}
     * is one in browsers, which parse with scripting enabled.
     */
    private static final Set<String> RAW_TEXT = Set.of("style", "script", "xmp", "iframe", "noembed", "noframes",
            "plaintext", "noscript");

    /** Elements after whose start tag the parser drops one line feed. */
    private static final Set<String> LEADING_NEWLINE = Set.of("pre", "textarea", "listing");

    /**
     * Elements whose DOM children are not what the server's tree holds: a {@code <template>}'s content is a
     * separate fragment in browsers ({@code childNodes} is empty). The differ never addresses their children;
     * it replaces the element instead.
     */
    private static final Set<String> OPAQUE = Set.of("template");

    private HtmlElements() {
    }

    /** Whether an HTML element named {@code tag} is void. */
    static boolean isVoid(String tag) {
        return VOID.contains(tag);
    }

    static boolean isVoid(VElement e) {
        return e.namespace() == Namespace.HTML && VOID.contains(e.tag());
    }

    static boolean isRawText(VElement e) {
        return e.namespace() == Namespace.HTML && RAW_TEXT.contains(e.tag());
    }

    /** {@code <plaintext>} never ends: nothing after it can be written. */
    static boolean isPlaintext(VElement e) {
        return e.namespace() == Namespace.HTML && e.tag().equals("plaintext");
    }

    static boolean isScript(VElement e) {
        return e.namespace() == Namespace.HTML && e.tag().equals("script");
    }

    static boolean dropsLeadingNewline(VElement e) {
        return e.namespace() == Namespace.HTML && LEADING_NEWLINE.contains(e.tag());
    }

    static boolean isOpaque(VElement e) {
        return e.namespace() == Namespace.HTML && OPAQUE.contains(e.tag());
    }

    /**
     * Whether the parser reads the children of {@code e} as HTML: HTML elements, and the SVG and MathML
     * elements that are HTML or text integration points.
     */
    static boolean takesHtmlChildren(VElement e) {
        return switch (e.namespace()) {
            case HTML -> true;
            case SVG -> e.tag().equals("foreignobject") || e.tag().equals("desc") || e.tag().equals("title");
            case MATHML -> switch (e.tag()) {
                case "mi", "mo", "mn", "ms", "mtext" -> true;
                case "annotation-xml" -> {
                    String encoding = e.attribute("encoding");
                    yield encoding != null && (encoding.equalsIgnoreCase("text/html")
                            || encoding.equalsIgnoreCase("application/xhtml+xml"));
                }
                default -> false;
            };
        };
    }

    /** ASCII XML names: accepted by {@code setAttribute}/{@code removeAttribute} in every browser. */
    static boolean isSafeAttributeName(String name) {
        int n = name.length();
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'
                    || (i > 0 && ((c >= '0' && c <= '9') || c == '-' || c == '.'));
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
