package dev.relive.runtime.internal.topics;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.relive.api.Subscription;
import dev.relive.api.Topics;

/**
 * {@link Topics} within this JVM: a publish calls each subscriber's listener on the publishing thread. A listener
 * that throws is logged and the others still get the message. Topics without subscribers take no memory.
 */
@Component(service = Topics.class)
public class LocalTopics implements Topics {

    private static final Logger LOG = LoggerFactory.getLogger(LocalTopics.class);

    private final Map<String, Set<Listener>> subscribers = new ConcurrentHashMap<>();

    @Override
    public void publish(String topic, Object message) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(message, "message");
        Set<Listener> listeners = subscribers.get(topic);
        if (listeners == null) {
            return;
        }
        for (Listener listener : listeners) {
            try {
                listener.consumer.accept(message);
            } catch (RuntimeException e) {
                LOG.warn("a subscriber of topic {} threw", topic, e);
            }
        }
    }

    @Override
    public Subscription subscribe(String topic, Consumer<Object> listener) {
        Objects.requireNonNull(topic, "topic");
        Listener entry = new Listener(topic, Objects.requireNonNull(listener, "listener"));
        subscribers.compute(topic, (t, set) -> {
            Set<Listener> next = set == null ? new CopyOnWriteArraySet<>() : set;
            next.add(entry);
            return next;
        });
        return entry;
    }

    /** Subscribers of {@code topic} now. */
    public int subscriberCount(String topic) {
        Set<Listener> listeners = subscribers.get(topic);
        return listeners == null ? 0 : listeners.size();
    }

    private void remove(Listener entry) {
        subscribers.computeIfPresent(entry.topic, (t, set) -> {
            set.remove(entry);
            return set.isEmpty() ? null : set;
        });
    }

    private final class Listener implements Subscription {
        final String topic;
        final Consumer<Object> consumer;

        Listener(String topic, Consumer<Object> consumer) {
            this.topic = topic;
            this.consumer = consumer;
        }

        @Override
        public String topic() {
            return topic;
        }

        @Override
        public void close() {
            remove(this);
        }
    }
}
