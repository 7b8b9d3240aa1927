package dev.relive.runtime.internal.vdom;

/**
 * The namespace of an element, as the HTML parser assigns it. It decides how the element's children are
 * serialized (an SVG {@code <style>} is not raw text) and how {@code html} inserted into it is parsed.
 */
public enum Namespace {
    HTML("http://www.w3.org/1999/xhtml"),
    SVG("http://www.w3.org/2000/svg"),
    MATHML("http://www.w3.org/1998/Math/MathML");

    private final String uri;

    Namespace(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }

    /** The namespace for a URI; unknown or absent URIs are HTML. */
    public static Namespace ofUri(String uri) {
        if (uri == null) {
            return HTML;
        }
        for (Namespace ns : values()) {
            if (ns.uri.equals(uri)) {
                return ns;
            }
        }
        return HTML;
    }
}
