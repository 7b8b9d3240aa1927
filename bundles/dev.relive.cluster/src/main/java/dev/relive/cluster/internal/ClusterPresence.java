package dev.relive.cluster.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

import dev.relive.api.Presence;
import dev.relive.api.PresenceDiff;
import dev.relive.api.PresenceEntry;
import dev.relive.api.Topics;

/**
 * {@link Presence} across the cluster: each topic's entries are one value of a distributed map, changed under the
 * cluster-wide lock of its key, and each change is published on the topic through the cluster's {@link Topics} by
 * the member that made it, while it holds the lock, so the diffs of one topic are published in the order of the
 * changes. When a member leaves (shut down, or silent for {@code presence_grace_seconds}), the survivors remove
 * the entries it had tracked and publish their leaves; only the first to get to an entry finds it.
 */
@Component(service = Presence.class, property = "service.ranking:Integer=100")
public class ClusterPresence implements Presence {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterPresence.class);

    private final IMap<String, PresenceTable> tables;
    private final Topics topics;
    private final String self;
    private final UUID registration;
    private final HazelcastInstance instance;
    private final ExecutorService cleaner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "relive-cluster-presence");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public ClusterPresence(@Reference ClusterMember member,
            @Reference(target = "(" + ClusterTopics.CLUSTER + "=true)") Topics topics) {
        this(member.instance(), topics);
    }

    ClusterPresence(HazelcastInstance instance, Topics topics) {
        this.instance = instance;
        this.tables = instance.getMap(MemberSettings.PRESENCE);
        this.topics = topics;
        this.self = instance.getCluster().getLocalMember().getUuid().toString();
        this.registration = instance.getCluster().addMembershipListener(new Departures());
    }

    @Override
    public void track(String topic, String key, Map<String, String> meta) {
        Objects.requireNonNull(topic, "topic");
        PresenceEntry entry = new PresenceEntry(Objects.requireNonNull(key, "key"), meta);
        change(topic, table -> {
            PresenceEntry old = table.put(entry, self);
            return entry.equals(old) ? null : new PresenceDiff(List.of(entry), old == null ? List.of() : List.of(old));
        });
    }

    @Override
    public void untrack(String topic, String key) {
        if (tables.containsKey(topic)) {
            change(topic, table -> {
                PresenceEntry old = table.remove(key);
                return old == null ? null : new PresenceDiff(List.of(), List.of(old));
            });
        }
    }

    @Override
    public List<PresenceEntry> list(String topic) {
        PresenceTable table = tables.get(topic);
        return table == null ? List.of() : table.list();
    }

    @Deactivate
    void stop() {
        cleaner.shutdownNow();
        instance.getCluster().removeMembershipListener(registration);
    }

    /** Applies {@code edit} to the topic's table under its lock; publishes the diff it returns, if any. */
    private void change(String topic, Function<PresenceTable, PresenceDiff> edit) {
        tables.lock(topic);
        try {
            PresenceTable table = tables.get(topic);
            if (table == null) {
                table = new PresenceTable();
            }
            PresenceDiff diff = edit.apply(table);
            // saved even without a diff: tracking an unchanged entry again may change its owner (a tab resumed on
            // this member before the member that tracked it first was seen to die), which decides its fate then
            if (table.isEmpty()) {
                tables.delete(topic);
            } else {
                tables.set(topic, table);
            }
            if (diff != null) {
                topics.publish(topic, diff);
            }
        } finally {
            tables.unlock(topic);
        }
    }

    private void removeEntriesOf(String member) {
        int removed = 0;
        for (String topic : tables.keySet()) {
            int[] count = new int[1];
            change(topic, table -> {
                List<PresenceEntry> leaves = table.removeOwnedBy(member);
                count[0] = leaves.size();
                return leaves.isEmpty() ? null : new PresenceDiff(List.of(), leaves);
            });
            removed += count[0];
        }
        if (removed > 0) {
            LOG.info("Cluster: removed {} presence entries of the member that left", removed);
        }
    }

    private final class Departures implements MembershipListener {
        @Override
        public void memberAdded(MembershipEvent event) {
        }

        @Override
        public void memberRemoved(MembershipEvent event) {
            String member = event.getMember().getUuid().toString();
            cleaner.execute(() -> {
                try {
                    removeEntriesOf(member);
                } catch (RuntimeException e) {
                    LOG.warn("could not remove the presence entries of a member that left", e);
                }
            });
        }
    }
}
