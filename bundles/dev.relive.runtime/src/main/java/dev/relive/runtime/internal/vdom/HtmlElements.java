package dev.relive.runtime.internal.vdom;

import java.util.Set;

/** What the HTML parsing and serialization algorithms treat specially, by element. */
final class HtmlElements {

    /** Elements without end tag or children. */
    private static final Set<String> VOID = Set.of("area", "base", "basefont", "bgsound", "br", "col", "embed",
            "frame", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr");

    /** Elements whose text is not entity-decoded by the parser, so it is serialized as is. */
    private static final Set<String> RAW_TEXT = Set.of("style", "script", "xmp", "iframe", "noembed", "noframes",
            "plaintext");

    /** Elements after whose start tag the parser drops one line feed. */
    private static final Set<String> LEADING_NEWLINE = Set.of("pre", "textarea", "listing");

    /**
     * Elements whose DOM children are not what the server's tree holds: a {@code <template>}'s content is a
     * separate fragment in browsers, and a {@code <noscript>} is raw text when scripting is on. The differ
     * never addresses their children; it replaces the element instead.
     */
    private static final Set<String> OPAQUE = Set.of("template", "noscript");

    private HtmlElements() {
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

    static boolean dropsLeadingNewline(VElement e) {
        return e.namespace() == Namespace.HTML && LEADING_NEWLINE.contains(e.tag());
    }

    static boolean isOpaque(VElement e) {
        return e.namespace() == Namespace.HTML && OPAQUE.contains(e.tag());
    }

    /** Elements whose content the tokenizer reads as text (raw text or RCDATA) rather than markup. */
    static boolean hasTextOnlyContent(VElement e) {
        return isRawText(e) || (e.namespace() == Namespace.HTML
                && (e.tag().equals("textarea") || e.tag().equals("title")));
    }
}
