package dev.relive.cluster.internal;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;

import dev.relive.api.Subscription;
import dev.relive.api.Topics;

/**
 * {@link Topics} across the cluster. A publish reaches this member's subscribers at once, on the publishing thread
 * (as in one JVM), and goes to the other members over one Hazelcast topic, where their subscribers get it on
 * Hazelcast's event thread, in the order this member published. A message that cannot be serialized reaches this
 * member's subscribers only, with a warning; one that another member cannot read is dropped there, with a warning.
 */
@Component(service = Topics.class, property = {"service.ranking:Integer=100", ClusterTopics.CLUSTER + "=true"})
public class ClusterTopics implements Topics {

    /** A service property of the cluster's own {@code Topics}, for components that need it rather than any. */
    static final String CLUSTER = "relive.cluster";

    private static final Logger LOG = LoggerFactory.getLogger(ClusterTopics.class);

    private final LocalSubscribers local = new LocalSubscribers();
    private final ITopic<Envelope> topic;
    private final String self;
    private final UUID registration;

    @Activate
    public ClusterTopics(@Reference ClusterMember member) {
        this(member.instance());
    }

    ClusterTopics(HazelcastInstance instance) {
        this.topic = instance.getTopic(MemberSettings.TOPICS);
        this.self = instance.getCluster().getLocalMember().getUuid().toString();
        this.registration = topic.addMessageListener(this::received);
    }

    @Override
    public void publish(String name, Object message) {
        Objects.requireNonNull(name, "topic");
        Objects.requireNonNull(message, "message");
        local.deliver(name, message);
        byte[] body;
        try {
            body = MessageCodec.encode(message);
        } catch (NotSerializableException e) {
            LOG.warn("a message on topic {} reached this member only: {} is not serializable", name, e.getMessage());
            return;
        }
        try {
            topic.publish(new Envelope(self, name, body));
        } catch (RuntimeException e) { // shutting down, or cut off: only this member's subscribers got it
            LOG.warn("a message on topic {} reached this member only: {}", name, e.toString());
        }
    }

    @Override
    public Subscription subscribe(String name, Consumer<Object> listener) {
        return local.add(name, listener);
    }

    @Deactivate
    void stop() {
        topic.removeMessageListener(registration);
    }

    private void received(Message<Envelope> message) {
        Envelope envelope = message.getMessageObject();
        if (envelope.origin().equals(self)) {
            return;
        }
        Object decoded;
        try {
            decoded = MessageCodec.decode(envelope.body());
        } catch (IOException e) {
            LOG.warn("dropped a message on topic {} from another member: {}", envelope.topic(), e.toString());
            return;
        }
        local.deliver(envelope.topic(), decoded);
    }

    /** A message as it travels: the member that published it, its topic and its serialized body. */
    record Envelope(String origin, String topic, byte[] body) implements Serializable {
    }
}
