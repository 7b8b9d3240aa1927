package dev.relive.runtime.internal.vdom;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The cases of docs/fixtures/patches: name, from and to (raw; the generator canonicalizes them). */
final class PatchFixtureCases {

    record Case(String name, String from, String to) { }

    private PatchFixtureCases() {
    }

    private static String keyedList(String... keys) {
        return "<ul>" + List.of(keys).stream().map(k -> "<li rl-key=\"" + k + "\">" + k + "</li>")
                .collect(Collectors.joining()) + "</ul>";
    }

    private static String row(int id, String name) {
        return "<tr rl-key=\"" + id + "\"><td>" + id + "</td><td>" + name + "</td></tr>";
    }

    static List<Case> all() {
        return List.of(
                new Case("text-change",
                        "<h1>Counter</h1><p>Count: <b>5</b></p>",
                        "<h1>Counter</h1><p>Count: <b>6</b></p>"),
                new Case("attr-set",
                        "<button class=\"btn\" rl-click=\"inc\">+</button>",
                        "<button class=\"btn active\" rl-click=\"inc\" title=\"Add one\">+</button>"),
                new Case("attr-remove",
                        "<div class=\"panel\" hidden data-state=\"closed\">Details</div>",
                        "<div class=\"panel\" data-state=\"open\">Details</div>"),
                new Case("insert-end-unkeyed",
                        "<ul><li>a</li><li>b</li></ul>",
                        "<ul><li>a</li><li>b</li><li>c</li></ul>"),
                new Case("insert-start-keyed",
                        keyedList("b", "c"),
                        keyedList("a", "b", "c")),
                new Case("insert-middle-keyed",
                        keyedList("a", "c", "d"),
                        keyedList("a", "b", "c", "d")),
                new Case("remove",
                        keyedList("a", "b", "c", "d") + "<p>1</p><p>2</p><p>3</p>",
                        keyedList("a", "c") + "<p>1</p>"),
                new Case("replace-tag",
                        "<p class=\"status\">Loading…</p>",
                        "<section class=\"status\"><h2>Done</h2></section>"),
                new Case("keyed-move-one",
                        keyedList("1", "2", "3", "4", "5"),
                        keyedList("2", "3", "4", "1", "5")),
                new Case("keyed-reverse-5",
                        keyedList("1", "2", "3", "4", "5"),
                        keyedList("5", "4", "3", "2", "1")),
                new Case("keyed-mix",
                        keyedList("a", "b", "c", "d", "e", "f"),
                        "<ul><li rl-key=\"f\">f</li><li rl-key=\"a\">a</li><li rl-key=\"x\">x</li>"
                                + "<li rl-key=\"c\">C</li><li rl-key=\"e\">e</li><li rl-key=\"y\">y</li></ul>"),
                new Case("keyed-rows-with-whitespace",
                        "<ul>\n  <li rl-key=\"a\">a</li>\n  <li rl-key=\"b\">b</li>\n  <li rl-key=\"c\">c</li>\n</ul>",
                        "<ul>\n  <li rl-key=\"c\">c</li>\n  <li rl-key=\"a\">a</li>\n  <li rl-key=\"b\">b</li>\n  "
                                + "<li rl-key=\"d\">d</li>\n</ul>"),
                new Case("nested-changes",
                        "<main><nav><a href=\"/a\" class=\"on\">A</a><a href=\"/b\">B</a></nav>"
                                + "<article><h2>Title</h2><div class=\"body\"><p>One <em>two</em> three</p></div></article></main>",
                        "<main><nav><a href=\"/a\">A</a><a href=\"/b\" class=\"on\">B</a></nav>"
                                + "<article><h2>New title</h2><div class=\"body wide\"><p>One <strong>two</strong> three!</p>"
                                + "</div></article></main>"),
                new Case("table-rows",
                        "<table><thead><tr><th>Id</th><th>Name</th></tr></thead>"
                                + row(1, "Ada") + row(2, "Grace") + row(3, "Edsger") + "</table>",
                        "<table><thead><tr><th>Id</th><th>Name</th></tr></thead>"
                                + row(3, "Edsger") + row(1, "Ada L.") + row(4, "Barbara") + "</table>"),
                new Case("text-to-element",
                        "<p>Hello</p><div>plain</div>",
                        "<p><b>Hello</b></p><div><span>plain</span> text</div>"),
                new Case("element-to-text",
                        "<p><b>Hello</b></p><div><span>x</span><i>y</i></div>",
                        "<p>Hello</p><div>x</div>"),
                new Case("form-controls",
                        "<form rl-submit=\"save\"><input name=\"name\" value=\"Ada\">"
                                + "<input type=\"checkbox\" name=\"admin\" checked>"
                                + "<select name=\"role\"><option value=\"u\" selected>User</option><option value=\"a\">Admin</option></select>"
                                + "<textarea name=\"bio\">Hi</textarea><button disabled>Save</button></form>",
                        "<form rl-submit=\"save\"><input name=\"name\" value=\"Ada Lovelace\">"
                                + "<input type=\"checkbox\" name=\"admin\">"
                                + "<select name=\"role\"><option value=\"u\">User</option><option value=\"a\" selected>Admin</option></select>"
                                + "<textarea name=\"bio\">Hello</textarea><button>Save</button></form>"),
                new Case("whitespace-text",
                        "<div>\n  <span>a</span> <span>b</span>\n</div><pre>\nline 1\n  line 2</pre>",
                        "<div>\n    <span>a</span>\u00a0<span>b</span>\n</div><pre>\n\nline 1\n  line 2\n</pre>"),
                new Case("entities",
                        "<p title=\"a &amp; b\">1 &lt; 2</p>",
                        "<p title=\"&quot;quoted&quot; &lt;tag&gt;\">2 &gt; 1 &amp;&amp; 3 &lt; 4&nbsp;&copy;</p>"),
                new Case("empty-to-content",
                        "",
                        "<h1>Hi</h1>\n<p>there</p>"),
                new Case("content-to-empty",
                        "<h1>Hi</h1>\n<p>there</p>",
                        ""),
                new Case("duplicate-keys",
                        "<ul><li rl-key=\"a\">1</li><li rl-key=\"a\">2</li><li rl-key=\"b\">3</li></ul>",
                        "<ul><li rl-key=\"b\">3</li><li rl-key=\"a\">1</li><li rl-key=\"a\">2b</li></ul>"),
                new Case("svg-attributes",
                        "<svg viewBox=\"0 0 10 10\" width=\"10\"><circle cx=\"5\" cy=\"5\" r=\"2\"></circle>"
                                + "<text x=\"1\" y=\"9\">50%</text></svg>",
                        "<svg viewBox=\"0 0 20 20\" width=\"20\"><circle cx=\"5\" cy=\"5\" r=\"4\"></circle>"
                                + "<text x=\"1\" y=\"9\">75%</text></svg>"),
                new Case("script-and-style-text",
                        "<style>.a { color: red }</style><script>window.n = 1 < 2;</script>",
                        "<style>.a > b { color: blue }</style><script>window.n = 2 && 3 < 4;</script>"),
                new Case("keyed-long-list-one-change",
                        keyedRange(0, 20, -1),
                        keyedRange(0, 20, 7)),
                new Case("insert-before-form",
                        "<h1>Sign up</h1>" + signUpForm(FIELD),
                        "<h1>Sign up</h1><p class=\"notice\">Almost done</p>" + signUpForm(FIELD)),
                new Case("wrap-form-container",
                        "<h1>Sign up</h1>" + signUpForm(FIELD),
                        "<h1>Sign up</h1>" + signUpForm("<section class=\"card\">" + FIELD + "</section>")),
                new Case("unwrap-form-container",
                        "<h1>Sign up</h1>" + signUpForm("<section class=\"card\">" + FIELD + "</section>"),
                        "<h1>Sign up</h1>" + signUpForm(FIELD)),
                new Case("reorder-around-inputs",
                        signUpForm("<p class=\"hint\">We never share it.</p><label for=\"email\">Email</label>"
                                + "<input id=\"email\" name=\"email\">" + FIELD),
                        signUpForm(FIELD + "<label for=\"email\">Email</label><input id=\"email\" name=\"email\">"
                                + "<p class=\"hint\">We never share it.</p>")));
    }

    /** A field whose input has an id: kept across template edits that move it. */
    private static final String FIELD = "<div class=\"field\"><label for=\"name\">Name</label>"
            + "<input id=\"name\" name=\"name\" rl-input=\"typed\"></div>";

    private static String signUpForm(String fields) {
        return "<form rl-submit=\"save\">" + fields + "<button>Save</button></form>";
    }

    private static String keyedRange(int from, int to, int changed) {
        return "<ol>" + IntStream.range(from, to)
                .mapToObj(i -> "<li rl-key=\"r" + i + "\">Row " + i + (i == changed ? " (edited)" : "") + "</li>")
                .collect(Collectors.joining()) + "</ol>";
    }
}
