package dev.relive.runtime.internal.render;

import java.io.IOException;
import java.io.Writer;

import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.lexer.Token;
import io.pebbletemplates.pebble.lexer.TokenStream;
import io.pebbletemplates.pebble.node.AbstractRenderableNode;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.parser.Parser;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import io.pebbletemplates.pebble.tokenParser.TokenParser;

/**
 * {@code {% head %}...{% endhead %}} in a layout: markup for the page's {@code <head>} (styles, meta, links).
 * It is written where the page is built, never into the live part of the page.
 */
final class HeadTag implements TokenParser {

    /** The variable holding the {@link Writer} of the head; absent when only the live part is wanted. */
    static final String WRITER_VARIABLE = "__relive_head";

    @Override
    public String getTag() {
        return "head";
    }

    @Override
    public RenderableNode parse(Token token, Parser parser) {
        TokenStream stream = parser.getStream();
        stream.next();
        stream.expect(Token.Type.EXECUTE_END);
        BodyNode body = parser.subparse(t -> t.test(Token.Type.NAME, "endhead"));
        stream.next();
        stream.expect(Token.Type.EXECUTE_END);
        return new HeadNode(token.getLineNumber(), body);
    }

    private static final class HeadNode extends AbstractRenderableNode {

        private final BodyNode body;

        HeadNode(int line, BodyNode body) {
            super(line);
            this.body = body;
        }

        @Override
        public void render(PebbleTemplateImpl self, Writer writer, EvaluationContextImpl context) throws IOException {
            if (context.getVariable(WRITER_VARIABLE) instanceof Writer head) {
                body.render(self, head, context);
            }
        }

        @Override
        public void accept(NodeVisitor visitor) {
            visitor.visit(this);
        }
    }
}
