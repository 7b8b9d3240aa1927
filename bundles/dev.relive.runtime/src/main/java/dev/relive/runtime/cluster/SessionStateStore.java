package dev.relive.runtime.cluster;

import java.time.Duration;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Keeps the captured view state of live tabs where every member of the cluster can read it. The runtime writes a
 * tab's state some time after its events (write-behind), removes it when the tab closes, and reads it when a browser
 * reconnects with a tab this member does not know. Implementations must be thread-safe and must not block the caller
 * for long: a {@code put} may be applied asynchronously.
 */
@ConsumerType
public interface SessionStateStore {

    /**
     * Stores {@code state} (opaque bytes the runtime made) for the tab {@code sessionId}, replacing what was there;
     * the entry goes away {@code ttl} after this put unless it is put again.
     */
    void put(String sessionId, byte[] state, Duration ttl);

    /** The state last put for the tab, or empty when there is none or it expired. */
    Optional<byte[]> get(String sessionId);

    /** Forgets the tab (it was closed). */
    void remove(String sessionId);
}
