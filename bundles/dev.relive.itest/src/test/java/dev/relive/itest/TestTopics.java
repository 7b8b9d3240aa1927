package dev.relive.itest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.relive.api.Subscription;
import dev.relive.api.Topics;

/** A topics provider of the test's own, registered with a higher ranking than the runtime's while tabs are open. */
final class TestTopics implements Topics {

    private final Map<String, List<Consumer<Object>>> listeners = new ConcurrentHashMap<>();

    @Override
    public void publish(String topic, Object message) {
        listeners.getOrDefault(topic, List.of()).forEach(l -> l.accept(message));
    }

    @Override
    public Subscription subscribe(String topic, Consumer<Object> listener) {
        listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
        return new Subscription() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public void close() {
                listeners.getOrDefault(topic, List.of()).remove(listener);
            }
        };
    }

    int subscribers(String topic) {
        return listeners.getOrDefault(topic, List.of()).size();
    }
}
