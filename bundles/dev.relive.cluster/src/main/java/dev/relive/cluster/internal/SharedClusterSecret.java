package dev.relive.cluster.internal;

import java.security.SecureRandom;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

import dev.relive.runtime.cluster.ClusterSecret;

/**
 * The token key of the cluster: 32 random bytes made by the first member that asks, kept in a distributed map (one
 * backup), and read back by every other, so all members hold the same key. It lives as long as some member does; a
 * restart of the whole cluster makes a new one.
 */
@Component(service = ClusterSecret.class, property = "service.ranking:Integer=100")
public class SharedClusterSecret implements ClusterSecret {

    private static final String TOKEN_KEY = "token-key";

    private final byte[] key;

    @Activate
    public SharedClusterSecret(@Reference ClusterMember member) {
        this(member.instance());
    }

    SharedClusterSecret(HazelcastInstance instance) {
        IMap<String, byte[]> secrets = instance.getMap(MemberSettings.SECRET);
        byte[] mine = new byte[32];
        new SecureRandom().nextBytes(mine);
        byte[] existing = secrets.putIfAbsent(TOKEN_KEY, mine);
        this.key = existing != null ? existing : mine;
    }

    @Override
    public byte[] tokenKey() {
        return key.clone();
    }
}
