package dev.relive.runtime.internal.vdom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.List;

/**
 * JSON form of patch lists, as in the {@code patches} field of a {@code patch} frame. The {@link Patch} types
 * carry their Jackson annotations, so any {@link ObjectMapper} serializes them the same way; this class is a
 * shortcut with a shared mapper.
 */
public final class PatchJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<Patch>> LIST = new TypeReference<>() { };
    private static final ObjectWriter WRITER = MAPPER.writerFor(LIST);
    private static final ObjectReader READER = MAPPER.readerFor(LIST);

    private PatchJson() {
    }

    /** The patches as a JSON array, compact. */
    public static String toJson(List<Patch> patches) {
        try {
            return WRITER.writeValueAsString(patches);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One patch as a JSON object, compact. */
    public static String toJson(Patch patch) {
        try {
            return MAPPER.writerFor(Patch.class).writeValueAsString(patch);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The patches as a JSON tree (an array node). */
    public static JsonNode toTree(List<Patch> patches) {
        try (TokenBuffer buffer = new TokenBuffer(MAPPER, false)) {
            WRITER.writeValue(buffer, patches);
            return MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a JSON array of patches. */
    public static List<Patch> fromJson(String json) {
        try {
            return READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a patch list: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a JSON array node of patches. */
    public static List<Patch> fromTree(JsonNode array) {
        try {
            return READER.readValue(array);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a patch list: " + e.getMessage(), e);
        }
    }
}
