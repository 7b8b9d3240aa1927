package dev.relive.runtime.internal.protocol;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A frame from the browser, validated: every field the protocol requires is present and has its JSON type.
 * {@link ClientFrameParser} makes them; docs/protocol.md, "Client to server", describes each.
 */
public sealed interface ClientFrame {

    /** {@code ref} of the frame, or {@code null} when it has none. */
    Long ref();

    /**
     * Mount the view the signed {@code token} names; {@code url} is the page's location; {@code flash} the flash
     * messages by kind carried across a redirect (empty when none); {@code resume} the key of the tab whose stored
     * state the mount may resume ({@code null}: none).
     */
    record Mount(String token, String url, java.util.Map<String, String> flash, String resume) implements ClientFrame {
        public Mount {
            flash = java.util.Map.copyOf(flash);
        }

        public Mount(String token, String url, java.util.Map<String, String> flash) {
            this(token, url, flash, null);
        }

        public Mount(String token, String url) {
            this(token, url, java.util.Map.of());
        }

        @Override
        public Long ref() {
            return null;
        }
    }

    /** Call handler {@code handler} of the root view, or of child view {@code child} when not null. */
    record Event(Long ref, String handler, JsonNode params, String child) implements ClientFrame {
    }

    /** Set the {@code @Bind} field {@code field} of the root view, or of child view {@code child}. */
    record Model(Long ref, String field, JsonNode value, String child) implements ClientFrame {
    }

    /** Send the whole HTML again. */
    record Render(Long ref) implements ClientFrame {
    }

    /** Live navigation to {@code url}. */
    record Navigate(Long ref, String url) implements ClientFrame {
    }

    /**
     * The page's URL changes to {@code url}, a path on this site, within the view when it serves it: {@code history}
     * says what the browser does with its history once the server agrees ({@code push}, {@code replace}), or
     * {@code none} when it already shows {@code url} (back and forward).
     */
    record Url(Long ref, String url, String history) implements ClientFrame {
    }

    /** Offer {@code files} for upload {@code name} of the root view, or of child view {@code child}. */
    record Upload(Long ref, String name, List<FileOffer> files, String child) implements ClientFrame {
    }

    /** The bytes of accepted file {@code id} from {@code offset} on. */
    record Chunk(Long ref, String id, long offset, byte[] data) implements ClientFrame {
    }

    /** Stop the upload of file {@code id} and drop what arrived of it. */
    record Cancel(Long ref, String id) implements ClientFrame {
    }

    /** Keep-alive; answered after everything sent before it. */
    record Ping(Long ref) implements ClientFrame {
    }
}
