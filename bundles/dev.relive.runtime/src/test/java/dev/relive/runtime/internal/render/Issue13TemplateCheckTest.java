package dev.relive.runtime.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.pebbletemplates.pebble.error.PebbleException;

/**
 * A saved template is parsed before it is put in place, so that one that does not parse leaves the last one that did
 * live. The check parses only: what a template includes, extends or imports is looked up when it renders.
 */
class Issue13TemplateCheckTest {

    private final TemplateRenderer renderer = new TemplateRenderer();

    @Test
    void aTemplateThatParsesPassesEvenWhenWhatItIncludesIsMissing() {
        assertThat(renderer.check("app", "a/View.peb", "<p>{{ count }}</p>{% if open %}<b>{{ title | upper }}</b>{% endif %}"))
                .isEmpty();
        assertThat(renderer.check("app", "a/View.peb", "{% extends \"missing.peb\" %}{% block body %}x{% endblock %}"))
                .isEmpty();
        assertThat(renderer.check("app", "a/View.peb", "<p>{% include \"nope.peb\" %}</p>")).isEmpty();
    }

    @Test
    void aTemplateThatDoesNotParseIsRefusedWithTheLinePebbleGaveUpAt() {
        PebbleException unclosed = renderer.check("app", "a/View.peb", "<h1>Hi</h1>\n<p>{{ count </p>\n").orElseThrow();
        assertThat(unclosed.getLineNumber()).isGreaterThanOrEqualTo(2);

        PebbleException unknownTag = renderer.check("app", "a/View.peb", "<p>\n{% frobnicate %}\n</p>").orElseThrow();
        assertThat(unknownTag.getLineNumber()).isEqualTo(2);
        assertThat(unknownTag.getPebbleMessage()).contains("frobnicate");
    }
}
