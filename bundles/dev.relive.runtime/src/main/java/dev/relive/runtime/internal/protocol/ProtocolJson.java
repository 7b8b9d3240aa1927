package dev.relive.runtime.internal.protocol;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.relive.runtime.internal.vdom.SampleDiff;

/** How the runtime reads JSON from clients: frames, handler parameters and bound field values. */
public final class ProtocolJson {

    private static final LazyMapper SHARED = new LazyMapper(ProtocolJson::newMapper);
    private static final AtomicBoolean PREPARING = new AtomicBoolean();

    private ProtocolJson() {
    }

    /** The runtime's mapper of {@link #newMapper()}'s kind, made when first asked for. */
    public static LazyMapper mapper() {
        return SHARED;
    }

    /** A mapper that ignores unknown properties and refuses {@code null} for primitives. */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    /**
     * Once per runtime, on a thread of its own: makes what a socket's first frames need (the {@link #mapper()}, the
     * writers of server frames and patches, the parser and differ of renders: {@link SampleDiff}). Called when a page
     * is served, so that the socket the page opens a moment later does not wait for Jackson, which nothing before the
     * first page loads.
     */
    public static void prepareInBackground() {
        if (!PREPARING.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                SHARED.get().readTree("{\"type\":\"event\",\"params\":{\"n\":1}}");
                ServerFrames.patch(0, null, SampleDiff.patches(), null, Map.of());
            } catch (Exception | LinkageError e) {
                // the first socket makes them itself, and reports what fails then
            }
        }, "relive-json-prepare");
        t.setDaemon(true);
        t.start();
    }
}
