package dev.relive.cluster.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

import dev.relive.runtime.cluster.SessionStateStore;

/**
 * Tabs' view state in a distributed map with one backup, so that the entries a member owned survive its death. A
 * put is sent asynchronously and lives for its ttl (at least a second); the map's max idle
 * ({@code state_ttl_seconds}) bounds entries that nobody writes or reads again.
 */
@Component(service = SessionStateStore.class, property = "service.ranking:Integer=100")
public class ClusterStateStore implements SessionStateStore {

    private final IMap<String, byte[]> states;

    @Activate
    public ClusterStateStore(@Reference ClusterMember member) {
        this(member.instance());
    }

    ClusterStateStore(HazelcastInstance instance) {
        this.states = instance.getMap(MemberSettings.STATE);
    }

    @Override
    public void put(String sessionId, byte[] state, Duration ttl) {
        states.setAsync(sessionId, state.clone(), Math.max(1, ttl.toSeconds()), TimeUnit.SECONDS);
    }

    @Override
    public Optional<byte[]> get(String sessionId) {
        return Optional.ofNullable(states.get(sessionId));
    }

    @Override
    public void remove(String sessionId) {
        states.delete(sessionId);
    }
}
