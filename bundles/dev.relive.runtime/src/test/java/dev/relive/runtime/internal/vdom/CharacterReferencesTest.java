package dev.relive.runtime.internal.vdom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Character references decode as jsoup's tokenizer decodes them, in text and in attribute values. */
class CharacterReferencesTest {

    private static final String[] TOKENS = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&nbsp;", "&middot;",
        "&times;", "&larr;", "&ldquo;", "&copy", "&copy;", "&notit;", "&notin;", "&amp", "&", ";", "a", "=", "x",
        "&#169;", "&#xA9;", "&#X41;", "&#0;", "&#13;", "&#128;", "&#x9F;", "&#xD800;", "&#x110000;", "&#xFFFE;",
        "&#99999999;", "&#;", "&#x;", "&NotEqualTilde;", "&nGt;", "&Aacute;", "&aacute", "&zz;", "é", " ", "&#9;"};

    @Provide
    Arbitrary<List<String>> text() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(8);
    }

    @Property(tries = 3000)
    void decodesAsTheTokenizer(@ForAll("text") List<String> tokens) {
        String raw = String.join("", tokens);
        assertThat(CharacterReferences.decode(raw, false)).as(raw).isEqualTo(Parser.unescapeEntities(raw, false));
        assertThat(CharacterReferences.decode(raw, true)).as(raw).isEqualTo(Parser.unescapeEntities(raw, true));
    }

    @Test
    void plainReferencesAreDecodedHere() {
        assertThat(CharacterReferences.decode("Tom &amp; Jerry &middot; &#9734; &#x2605;", false))
                .isEqualTo("Tom & Jerry · ☆ ★");
        assertThat(CharacterReferences.decode("no references", true)).isEqualTo("no references");
    }
}
