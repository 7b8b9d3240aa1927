package dev.relive.runtime.internal.vdom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Generates docs/fixtures/patches/*.json from {@link PatchFixtureCases}: one file per case,
 * {@code {"name", "from", "to", "patches"}}, with {@code from}/{@code to} canonical (written by
 * {@link HtmlWriter}) and {@code patches} what {@link Differ} emits.
 *
 * <p>Run {@code main} (argument: the directory; default ../../docs/fixtures/patches from the module), or the
 * tests with {@code -Drelive.fixtures.write=true}.
 */
public final class PatchFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PatchFixtures() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : directory();
        int n = write(dir);
        System.out.println("wrote " + n + " fixtures to " + dir.toAbsolutePath().normalize());
    }

    /** docs/fixtures/patches, found from the module's base directory. */
    static Path directory() {
        String base = System.getProperty("basedir", System.getProperty("user.dir"));
        return Path.of(base).resolve("../../docs/fixtures/patches").normalize();
    }

    static int write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<PatchFixtureCases.Case> cases = PatchFixtureCases.all();
        for (PatchFixtureCases.Case c : cases) {
            Files.writeString(dir.resolve(c.name() + ".json"), render(c), StandardCharsets.UTF_8);
        }
        return cases.size();
    }

    /** The fixture file's text: one field per line, one patch per line. */
    static String render(PatchFixtureCases.Case c) {
        VElement from = HtmlParser.parse(c.from());
        VElement to = HtmlParser.parse(c.to());
        List<Patch> patches = Differ.diff(from, to);
        StringBuilder sb = new StringBuilder();
        sb.append("{\n");
        sb.append("  \"name\": ").append(quote(c.name())).append(",\n");
        sb.append("  \"from\": ").append(quote(HtmlWriter.writeInner(from))).append(",\n");
        sb.append("  \"to\": ").append(quote(HtmlWriter.writeInner(to))).append(",\n");
        sb.append("  \"patches\": [");
        for (int i = 0; i < patches.size(); i++) {
            sb.append(i == 0 ? "\n    " : ",\n    ").append(PatchJson.toJson(patches.get(i)));
        }
        sb.append(patches.isEmpty() ? "]\n" : "\n  ]\n");
        sb.append("}\n");
        return sb.toString();
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
