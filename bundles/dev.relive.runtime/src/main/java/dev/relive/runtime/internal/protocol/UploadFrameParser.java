package dev.relive.runtime.internal.protocol;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the upload frames ({@code upload}, {@code chunk}, {@code cancel}) for {@link ClientFrameParser}. */
final class UploadFrameParser {

    /** Longest file id; the client makes short random ones. */
    static final int MAX_ID = 64;
    /** Most files one {@code upload} frame may offer. */
    static final int MAX_OFFERS = 100;

    private UploadFrameParser() {
    }

    static ClientFrame upload(JsonNode frame, Long ref) throws RefusedFrameException {
        String name = ClientFrameParser.text(frame, "name");
        JsonNode files = frame.get("files");
        if (ref == null || name == null || files == null || !files.isArray() || files.size() > MAX_OFFERS) {
            throw new RefusedFrameException(ref, ErrorCode.BAD_FRAME, "upload needs a positive integer \"ref\", a "
                    + "\"name\" and \"files\", an array of at most " + MAX_OFFERS);
        }
        List<FileOffer> offers = new ArrayList<>();
        for (JsonNode f : files) {
            String id = ClientFrameParser.text(f, "id");
            String fileName = ClientFrameParser.text(f, "name");
            JsonNode size = f.get("size");
            if (!validId(id) || fileName == null || size == null || !size.isIntegralNumber()) {
                throw new RefusedFrameException(ref, ErrorCode.BAD_FRAME,
                        "each file needs an \"id\", a \"name\" and a numeric \"size\"");
            }
            String type = ClientFrameParser.text(f, "type");
            offers.add(new FileOffer(id, ClientFrameParser.shorten(fileName), size.asLong(), type == null ? "" : type));
        }
        return new ClientFrame.Upload(ref, name, List.copyOf(offers), ClientFrameParser.text(frame, "child"));
    }

    static ClientFrame chunk(JsonNode frame, Long ref) throws RefusedFrameException {
        String id = ClientFrameParser.text(frame, "id");
        JsonNode offset = frame.get("offset");
        String data = ClientFrameParser.text(frame, "data");
        if (ref == null || !validId(id) || offset == null || !offset.isIntegralNumber() || data == null) {
            throw new RefusedFrameException(ref, ErrorCode.BAD_FRAME,
                    "chunk needs a positive integer \"ref\", an \"id\", an \"offset\" and \"data\"");
        }
        try {
            return new ClientFrame.Chunk(ref, id, offset.asLong(), Base64.getDecoder().decode(data));
        } catch (IllegalArgumentException e) {
            throw new RefusedFrameException(ref, ErrorCode.BAD_FRAME, "chunk \"data\" is not base64");
        }
    }

    static ClientFrame cancel(JsonNode frame, Long ref) throws RefusedFrameException {
        String id = ClientFrameParser.text(frame, "id");
        if (ref == null || !validId(id)) {
            throw new RefusedFrameException(ref, ErrorCode.BAD_FRAME,
                    "cancel needs a positive integer \"ref\" and an \"id\"");
        }
        return new ClientFrame.Cancel(ref, id);
    }

    private static boolean validId(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_ID;
    }
}
