package dev.relive.runtime.internal.upload;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Whether the first bytes of a file fit the MIME type the browser declared, for the types whose files start with a
 * fixed signature (PNG, JPEG, GIF, WebP, PDF). Other types are not checked here.
 */
final class ContentCheck {

    private static final Map<String, byte[]> SIGNATURES = Map.of(
            "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' },
            "image/jpeg", new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff },
            "image/gif", "GIF8".getBytes(StandardCharsets.US_ASCII),
            "image/webp", "RIFF".getBytes(StandardCharsets.US_ASCII),
            "application/pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII));

    private ContentCheck() {
    }

    /** Whether {@code first}, the first bytes of the file (its first chunk), may be a file of {@code type}. */
    static boolean fits(String type, byte[] first) {
        byte[] signature = SIGNATURES.get(type == null ? "" : type.toLowerCase(Locale.ROOT));
        return signature == null
                || first.length >= signature.length && Arrays.equals(first, 0, signature.length, signature, 0,
                        signature.length);
    }
}
