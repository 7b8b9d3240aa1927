package dev.relive.api;

import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Publish/subscribe by topic name, a service of the runtime. Anything may publish: a view's handler, an OSGi
 * component, any thread. Views subscribe through {@link ViewSession#subscribe}, which delivers each message to
 * {@link LiveView#message} serialized with the view's events; other code subscribes here.
 *
 * <p>Delivery: every subscriber of a topic at the time of {@link #publish} gets the message once, in publish order
 * per publishing thread. The default implementation delivers within this JVM; a cluster implementation registered
 * with a higher service ranking delivers across nodes, and then messages should be values that survive
 * serialization (strings, numbers, lists and maps of them, records of the API's own types).
 *
 * <p>Threading: all methods may be called from any thread. A listener given to {@link #subscribe} runs on the
 * publisher's thread and must return quickly.
 */
@ProviderType
public interface Topics {

    /** Sends {@code message} (not {@code null}) to every current subscriber of {@code topic}. Returns at once. */
    void publish(String topic, Object message);

    /** Calls {@code listener} with every message published on {@code topic} until the subscription is closed. */
    Subscription subscribe(String topic, Consumer<Object> listener);
}
