package dev.relive.runtime.internal.vdom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random, mostly broken HTML through parse, write, diff and apply. */
class HtmlFuzzTest {

    private static final String[] TOKENS = {
        "<div>", "</div>", "<p>", "</p>", "<span class=\"s\">", "</span>", "<b>", "</b>", "<i>", "</i>",
        "<a href=\"#\">", "</a>", "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "<tbody>",
        "</tbody>", "<thead>", "<caption>", "<colgroup><col>", "<ul>", "</ul>", "<li>", "</li>",
        "<li rl-key=\"k1\">", "<li rl-key=\"k2\">", "<li rl-key=\"k3\">", "<tr rl-key=\"r1\">", "<tr rl-key=\"r2\">",
        "<div rl-key=\"k1\">", "<select>", "</select>", "<option>", "<option selected>", "<optgroup>",
        "<form>", "</form>", "<pre>", "</pre>", "<textarea>", "</textarea>", "<script>", "</script>",
        "<style>", "</style>", "<svg viewBox=\"0 0 1 1\">", "</svg>", "<circle r=1/>", "<foreignObject>",
        "<math>", "<mi>", "</math>", "<template>", "</template>", "<noscript>", "</noscript>", "<br>", "</br>",
        "<img src=x>", "<image>", "<input value=\"a\">", "<input type=checkbox checked>", "<hr>",
        "<!-- c -->", "<!--", "-->", "&amp;", "&", "<", ">", "&nbsp;", "&#13;", "&lt;", "&copy", "&#x0;", "\"",
        "'", "=", " ", "  ", "\n", "\r\n", "\t", "text", "x", "y", "<title>", "<iframe>", "<xmp>", "<h1>",
        "</h1>", "<button>", "</button>", "<object>", "<frameset>", "<body a=1>", "<html>", "<head>",
        "<!DOCTYPE html>", "<![CDATA[c]]>", "<?x?>", "<nobr>", "<marquee>", "<dd>", "<dt>", "<ruby><rt>",
        "</>", "<a", "<div class=\"q", "<p x\"y=1 =z>", "\u0000", "<DIV ID=U>", "<label>", "</label>",
        "<listing>", "<plaintext>",
    };

    @Provide
    Arbitrary<List<String>> soup() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(50);
    }

    private static String join(List<String> tokens) {
        return String.join("", tokens);
    }

    @Property(tries = 1000)
    void parsedTreesSurviveWritingAndReparsing(@ForAll("soup") List<String> tokens) {
        VElement tree = HtmlParser.parse(join(tokens));
        String html = HtmlWriter.writeInner(tree);
        assertThat(HtmlParser.parse(html)).as(html).isEqualTo(tree);
        assertThat(HtmlWriter.writeInner(HtmlParser.parse(html))).isEqualTo(html);
    }

    @Property(tries = 1000)
    void diffThenApplyGivesTheTarget(@ForAll("soup") List<String> from, @ForAll long seed) {
        List<String> to = mutate(from, new Random(seed));
        VElement a = HtmlParser.parse(join(from));
        VElement b = HtmlParser.parse(join(to));
        List<Patch> patches = Differ.diff(a, b);
        assertThat(PatchApplier.apply(patches, a)).as("%s -> %s", join(from), join(to)).isEqualTo(b);
        assertThat(PatchApplier.apply(Differ.diff(b, a), b)).isEqualTo(a);
        assertThat(PatchJson.fromJson(PatchJson.toJson(patches))).isEqualTo(patches);
    }

    @Property(tries = 300)
    void unrelatedFragmentsDiffToo(@ForAll("soup") List<String> from, @ForAll("soup") List<String> to) {
        VElement a = HtmlParser.parse(join(from));
        VElement b = HtmlParser.parse(join(to));
        assertThat(PatchApplier.apply(Differ.diff(a, b), a)).isEqualTo(b);
    }

    private static List<String> mutate(List<String> tokens, Random rnd) {
        List<String> out = new ArrayList<>(tokens);
        int edits = rnd.nextInt(5);
        for (int e = 0; e < edits; e++) {
            int op = rnd.nextInt(4);
            if (op == 0 || out.isEmpty()) {
                out.add(rnd.nextInt(out.size() + 1), TOKENS[rnd.nextInt(TOKENS.length)]);
            } else if (op == 1) {
                out.remove(rnd.nextInt(out.size()));
            } else if (op == 2) {
                out.set(rnd.nextInt(out.size()), TOKENS[rnd.nextInt(TOKENS.length)]);
            } else {
                // move a run of tokens elsewhere, which reorders siblings
                int start = rnd.nextInt(out.size());
                int end = Math.min(out.size(), start + 1 + rnd.nextInt(6));
                List<String> run = new ArrayList<>(out.subList(start, end));
                out.subList(start, end).clear();
                out.addAll(rnd.nextInt(out.size() + 1), run);
            }
        }
        return out;
    }
}
