package dev.relive.runtime.internal.vdom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks docs/fixtures/patches against the differ and the applier. With {@code -Drelive.fixtures.write=true}
 * the files are regenerated first.
 */
class PatchFixturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = PatchFixtures.directory();

    @BeforeAll
    static void regenerateIfAsked() throws IOException {
        if (Boolean.getBoolean("relive.fixtures.write")) {
            PatchFixtures.write(DIR);
        }
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureHolds() throws IOException {
        return files().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            JsonNode fixture = JSON.readTree(Files.readString(file));
            String fromHtml = fixture.get("from").asText();
            String toHtml = fixture.get("to").asText();
            VElement from = HtmlParser.parse(fromHtml);
            VElement to = HtmlParser.parse(toHtml);
            assertThat(HtmlWriter.writeInner(from)).as("from is canonical").isEqualTo(fromHtml);
            assertThat(HtmlWriter.writeInner(to)).as("to is canonical").isEqualTo(toHtml);
            assertThat(fixture.get("name").asText() + ".json").isEqualTo(file.getFileName().toString());

            JsonNode stored = fixture.get("patches");
            assertThat(PatchJson.toTree(Differ.diff(from, to))).as("diff(from, to)").isEqualTo(stored);
            assertThat(PatchApplier.apply(PatchJson.fromTree(stored), from)).as("apply(patches, from)").isEqualTo(to);
            VElement own = HtmlParser.parseUnshared(toHtml);
            assertThat(PatchJson.toTree(Differ.diffSharing(from, own))).as("diffSharing(from, to)").isEqualTo(stored);
            assertThat(HtmlWriter.writeInner(own)).as("the tree diffSharing changed").isEqualTo(toHtml);
            assertThat(own).isEqualTo(to);
        }));
    }

    @Test
    void filesMatchTheCases() throws IOException {
        Set<String> files = files().stream().map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> cases = PatchFixtureCases.all().stream().map(c -> c.name() + ".json")
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(files).isEqualTo(cases);
        for (PatchFixtureCases.Case c : PatchFixtureCases.all()) {
            assertThat(Files.readString(DIR.resolve(c.name() + ".json")))
                    .as("%s is up to date (regenerate with -Drelive.fixtures.write=true)", c.name())
                    .isEqualTo(PatchFixtures.render(c));
        }
    }

    @Test
    void everyOpIsCovered() throws IOException {
        Set<String> ops = new TreeSet<>();
        for (Path file : files()) {
            for (JsonNode p : JSON.readTree(Files.readString(file)).get("patches")) {
                ops.add(p.get("op").asText());
            }
        }
        assertThat(ops).containsExactlyInAnyOrder("text", "attr", "rmattr", "insert", "remove", "replace", "move",
                "reparent");
    }
}
