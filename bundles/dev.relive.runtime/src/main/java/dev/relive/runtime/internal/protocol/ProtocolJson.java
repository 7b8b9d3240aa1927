package dev.relive.runtime.internal.protocol;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** How the runtime reads JSON from clients: frames, handler parameters and bound field values. */
public final class ProtocolJson {

    private ProtocolJson() {
    }

    /** A mapper that ignores unknown properties and refuses {@code null} for primitives. */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }
}
