package dev.relive.test.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/** The harness patches its copy of a page as the browser client does: the protocol's shared patch fixtures. */
class PagePatcherTest {

    static Stream<Path> fixtures() throws IOException {
        return Files.list(Path.of(System.getProperty("basedir", "."), "../docs/fixtures/patches"))
                .filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void patchesTurnFromIntoTo(Path fixture) throws IOException {
        JsonNode c = SocketConnection.JSON.readTree(fixture.toFile());
        Element root = root(c.path("from").asText());

        PagePatcher.apply(root, c.path("patches"));

        assertThat(normalized(root)).as(c.path("name").asText()).isEqualTo(normalized(root(c.path("to").asText())));
    }

    private static Element root(String html) {
        Document page = Jsoup.parse("<div rl-root></div>");
        Element root = page.selectFirst("[rl-root]");
        PagePatcher.morph(root, html);
        return root;
    }

    private static String normalized(Element root) {
        Element copy = root.clone();
        copy.ownerDocument().outputSettings().prettyPrint(false);
        return copy.html();
    }
}
