package dev.relive.cluster.internal;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.relive.api.Subscription;

/**
 * The subscribers on this member, by topic. A delivery calls each listener on the calling thread; a listener that
 * throws is logged and the others still get the message. Topics without subscribers take no memory.
 */
final class LocalSubscribers {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSubscribers.class);

    private final Map<String, Set<Listener>> subscribers = new ConcurrentHashMap<>();

    void deliver(String topic, Object message) {
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

    Subscription add(String topic, Consumer<Object> consumer) {
        Listener entry = new Listener(Objects.requireNonNull(topic, "topic"),
                Objects.requireNonNull(consumer, "listener"));
        subscribers.compute(topic, (t, set) -> {
            Set<Listener> next = set == null ? new CopyOnWriteArraySet<>() : set;
            next.add(entry);
            return next;
        });
        return entry;
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
