package dev.relive.cluster.internal;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.map.IMap;

import dev.relive.runtime.cluster.ClusterSecret;

/**
 * The token key of the cluster: 32 random bytes made by the first member that asks, kept in a distributed map (one
 * backup), and read back by every other, so all members hold the same key. It lives as long as some member does; a
 * restart of the whole cluster makes a new one. Members that started apart each made a key; when one merges into the
 * others' cluster, it takes theirs (the map keeps the key of the cluster merged into).
 */
@Component(service = ClusterSecret.class, property = "service.ranking:Integer=100")
public class SharedClusterSecret implements ClusterSecret {

    private static final String TOKEN_KEY = "token-key";

    private static final Logger LOG = LoggerFactory.getLogger(SharedClusterSecret.class);

    private final HazelcastInstance instance;
    private final IMap<String, byte[]> secrets;
    private final UUID lifecycle;
    private volatile byte[] key;

    @Activate
    public SharedClusterSecret(@Reference ClusterMember member) {
        this(member.instance());
    }

    SharedClusterSecret(HazelcastInstance instance) {
        this.instance = instance;
        this.secrets = instance.getMap(MemberSettings.SECRET);
        byte[] mine = new byte[32];
        new SecureRandom().nextBytes(mine);
        this.key = agreed(mine);
        this.lifecycle = instance.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
                merged();
            }
        });
    }

    /** The key in the map, or {@code candidate} put there when it has none. */
    private byte[] agreed(byte[] candidate) {
        byte[] existing = secrets.putIfAbsent(TOKEN_KEY, candidate);
        return existing != null ? existing : candidate;
    }

    private void merged() {
        try {
            byte[] theirs = agreed(key);
            if (!Arrays.equals(theirs, key)) {
                key = theirs;
                LOG.info("Cluster: merged into the others' cluster; its token key is used from now on (pages this "
                        + "member served before reload)");
            }
        } catch (RuntimeException e) {
            LOG.warn("could not read the cluster's token key after a merge: {}", e.toString());
        }
    }

    @Deactivate
    void stop() {
        instance.getLifecycleService().removeLifecycleListener(lifecycle);
    }

    @Override
    public byte[] tokenKey() {
        return key.clone();
    }
}
