package dev.relive.runtime.internal.upload;

import java.util.List;
import java.util.Locale;

import dev.relive.api.UploadHandler;

import dev.relive.runtime.internal.protocol.FileOffer;

/**
 * The limits of one upload name: its handler's {@link UploadHandler} under the runtime's own size cap. Answers
 * whether a file may be sent, before any byte is.
 */
public record UploadLimits(long maxFileSize, List<String> accept, int maxFiles) {

    public static UploadLimits of(UploadHandler handler, long runtimeMaxFileBytes) {
        return new UploadLimits(Math.min(handler.maxFileSize(), runtimeMaxFileBytes),
                List.of(handler.accept()).stream().map(a -> a.strip().toLowerCase(Locale.ROOT)).toList(),
                Math.max(1, handler.maxFiles()));
    }

    /** Why {@code offer} is refused, or {@code null} when it may be sent. */
    public String refusal(FileOffer offer) {
        if (offer.size() < 0) {
            return "the file has no size";
        }
        if (offer.size() > maxFileSize) {
            return "the file is larger than " + readable(maxFileSize);
        }
        if (!accepts(offer.baseName(), offer.type())) {
            return "files of this type are not accepted (" + String.join(", ", accept) + ")";
        }
        return null;
    }

    /** Whether the name's extension or the declared MIME type is one of {@code accept} (any, when it is empty). */
    public boolean accepts(String name, String type) {
        if (accept.isEmpty()) {
            return true;
        }
        String lowerName = name.toLowerCase(Locale.ROOT);
        String lowerType = type == null ? "" : type.toLowerCase(Locale.ROOT);
        for (String a : accept) {
            boolean match = a.startsWith(".") ? lowerName.endsWith(a)
                    : a.endsWith("/*") ? lowerType.startsWith(a.substring(0, a.length() - 1)) : lowerType.equals(a);
            if (match) {
                return true;
            }
        }
        return false;
    }

    static String readable(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0)).replace(".0 ", " ");
        }
        return bytes >= 1024 ? (bytes / 1024) + " KB" : bytes + " bytes";
    }
}
