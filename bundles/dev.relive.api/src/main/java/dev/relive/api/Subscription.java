package dev.relive.api;

import org.osgi.annotation.versioning.ProviderType;

/** A listener's subscription to a topic ({@link Topics#subscribe}); closing it stops delivery. Idempotent. */
@ProviderType
public interface Subscription extends AutoCloseable {

    /** The topic subscribed to. */
    String topic();

    /** Stops delivery; messages published afterwards do not reach the listener. */
    @Override
    void close();
}
