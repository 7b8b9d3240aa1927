package dev.relive.runtime.internal.cluster;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.relive.runtime.internal.protocol.LazyMapper;

/**
 * A {@link TabState} as the bytes the store keeps (JSON), at most {@code maxBytes} of them. The state fields are
 * trees already, so this mapper never sees a view's classes.
 */
public final class TabStateCodec {

    private final LazyMapper json = new LazyMapper(() -> JsonMapper.builder().build());
    private final int maxBytes;

    public TabStateCodec(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public byte[] encode(TabState state) throws UnstorableStateException {
        byte[] bytes;
        try {
            bytes = json.get().writeValueAsBytes(state);
        } catch (JsonProcessingException e) {
            throw new UnstorableStateException(state.view(), "cannot be written: " + e.getOriginalMessage());
        }
        if (bytes.length > maxBytes) {
            throw new UnstorableStateException(state.view(), bytes.length + " bytes, more than "
                    + maxBytes + " (cluster_state_max_bytes)");
        }
        return bytes;
    }

    /** The state in {@code bytes}; empty when they are not an entry of the current format. */
    public Optional<TabState> decode(byte[] bytes) {
        if (bytes == null || bytes.length > maxBytes) {
            return Optional.empty();
        }
        try {
            TabState state = json.get().readValue(bytes, TabState.class);
            return state.format() == TabState.FORMAT && state.view() != null && !state.views().isEmpty()
                    ? Optional.of(state) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
