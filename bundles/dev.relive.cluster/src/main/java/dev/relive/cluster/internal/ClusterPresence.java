package dev.relive.cluster.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
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
 *
 * <p>A member that started apart from the others, or was cut off from them long enough to be dropped, merges into
 * their cluster once it sees them again; Hazelcast then gives it a new member id, and the map keeps the others'
 * table of a topic both sides had. The member therefore remembers the entries it tracked itself, and after a merge
 * puts them back under its new id and publishes each topic's whole list as joins, so every subscriber, on either side,
 * is current again.
 */
@Component(service = Presence.class, property = "service.ranking:Integer=100")
public class ClusterPresence implements Presence {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterPresence.class);

    private final IMap<String, PresenceTable> tables;
    private final Topics topics;
    private volatile String self;
    private final UUID registration;
    private final UUID lifecycle;
    /** The entries this member tracked, by topic and key: what it puts back after a merge. */
    private final Map<String, Map<String, PresenceEntry>> mine = new ConcurrentHashMap<>();
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
        this.lifecycle = instance.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
                cleaner.execute(this::merged);
            }
        });
    }

    @Override
    public void track(String topic, String key, Map<String, String> meta) {
        Objects.requireNonNull(topic, "topic");
        PresenceEntry entry = new PresenceEntry(Objects.requireNonNull(key, "key"), meta);
        mine.compute(topic, (t, entries) -> {
            Map<String, PresenceEntry> m = entries == null ? new ConcurrentHashMap<>() : entries;
            m.put(key, entry);
            return m;
        });
        change(topic, table -> {
            PresenceEntry old = table.put(entry, self);
            return entry.equals(old) ? null : new PresenceDiff(List.of(entry), old == null ? List.of() : List.of(old));
        });
    }

    @Override
    public void untrack(String topic, String key) {
        mine.computeIfPresent(topic, (t, entries) -> {
            entries.remove(key);
            return entries.isEmpty() ? null : entries;
        });
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
        instance.getLifecycleService().removeLifecycleListener(lifecycle);
    }

    /** After this member merged into another cluster: its entries back under its new id, every topic announced. */
    private void merged() {
        String before = self;
        self = instance.getCluster().getLocalMember().getUuid().toString();
        Set<String> topics = new HashSet<>(tables.keySet());
        topics.addAll(mine.keySet());
        int[] put = new int[1];
        for (String topic : topics) {
            try {
                change(topic, table -> {
                    List<PresenceEntry> gone = table.removeOwnedBy(before);
                    Map<String, PresenceEntry> entries = mine.getOrDefault(topic, Map.of());
                    for (PresenceEntry entry : entries.values()) {
                        String owner = table.owner(entry.key()); // those under the old id were just removed
                        if (owner == null || owner.equals(self)) {
                            table.put(entry, self);
                            put[0]++;
                        } else { // tracked by another member since: the entry is theirs
                            entries.remove(entry.key());
                        }
                    }
                    List<PresenceEntry> now = table.list();
                    Set<String> kept = now.stream().map(PresenceEntry::key).collect(Collectors.toSet());
                    gone.removeIf(e -> kept.contains(e.key()));
                    return now.isEmpty() && gone.isEmpty() ? null : new PresenceDiff(now, gone);
                });
            } catch (RuntimeException e) {
                LOG.warn("could not restore the presence of topic {} after a merge: {}", topic, e.toString());
            }
        }
        LOG.info("Cluster: merged into the others' cluster; {} presence entries of this member tracked again, {} topics "
                + "announced", put[0], topics.size());
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
