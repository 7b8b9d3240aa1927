package dev.relive.runtime.internal.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.relive.api.Subscription;

class LocalTopicsTest {

    private final LocalTopics topics = new LocalTopics();

    @Test
    void aMessageReachesEverySubscriberOfItsTopicOnly() {
        List<Object> a = new ArrayList<>();
        List<Object> b = new ArrayList<>();
        List<Object> other = new ArrayList<>();
        topics.subscribe("room:1", a::add);
        topics.subscribe("room:1", b::add);
        topics.subscribe("room:2", other::add);

        topics.publish("room:1", "hello");
        topics.publish("room:1", 42);

        assertThat(a).containsExactly("hello", 42);
        assertThat(b).containsExactly("hello", 42);
        assertThat(other).isEmpty();
    }

    @Test
    void aClosedSubscriptionGetsNothingMoreAndAnEmptyTopicIsForgotten() {
        List<Object> got = new ArrayList<>();
        Subscription subscription = topics.subscribe("t", got::add);
        topics.publish("t", "one");
        subscription.close();
        subscription.close();
        topics.publish("t", "two");

        assertThat(got).containsExactly("one");
        assertThat(subscription.topic()).isEqualTo("t");
        assertThat(topics.subscriberCount("t")).isZero();
    }

    @Test
    void aSubscriberThatThrowsDoesNotKeepTheMessageFromTheOthers() {
        List<Object> got = new ArrayList<>();
        topics.subscribe("t", m -> {
            throw new IllegalStateException("broken listener");
        });
        topics.subscribe("t", got::add);

        topics.publish("t", "still delivered");

        assertThat(got).containsExactly("still delivered");
    }

    @Test
    void publishingOnATopicNobodyListensToIsNothing() {
        topics.publish("nobody", "x");
        assertThat(topics.subscriberCount("nobody")).isZero();
    }
}
