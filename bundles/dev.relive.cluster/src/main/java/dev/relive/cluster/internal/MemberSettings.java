package dev.relive.cluster.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * How one member joins the cluster, and the Hazelcast configuration made from it: members found only through the
 * TCP-IP list (multicast, auto-detection and phone-home off), bound to one address, no Jet, REST or memcache, and
 * Java deserialization limited to the JDK's and this bundle's classes.
 *
 * @param members the other members (and this one), {@code host:port} each
 * @param port the port this member listens on
 * @param portAutoIncrement whether a taken port makes the member try the next ones
 * @param bindAddress the only address the member binds and accepts connections on
 * @param clusterName members of other cluster names are refused
 * @param stateTtl how long a tab's state lives after its last write
 * @param presenceGrace how long a silent member is kept before it is dropped with its presence entries
 * @param sessionIdle how long an unused browser session lives
 * @param maxSessions browser sessions kept per member, beyond which the least recently used go
 * @param loggingType Hazelcast's logging ({@code slf4j} in OSGi, {@code jdk} also works)
 */
public record MemberSettings(List<String> members, int port, boolean portAutoIncrement, String bindAddress,
        String clusterName, Duration stateTtl, Duration presenceGrace, Duration sessionIdle, int maxSessions,
        String loggingType) {

    static final String TOPICS = "relive.topics";
    static final String PRESENCE = "relive.presence";
    static final String SESSIONS = "relive.sessions";
    static final String STATE = "relive.state";
    static final String SECRET = "relive.secret";
    /** How often a member looks for members of its list that are in another cluster, and merges. */
    static final Duration MERGE_CHECK = Duration.ofSeconds(5);

    public MemberSettings {
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a cluster needs a member list");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (presenceGrace.toSeconds() < 1 || stateTtl.toSeconds() < 1 || sessionIdle.toSeconds() < 1) {
            throw new IllegalArgumentException("times are whole seconds, at least one");
        }
    }

    /** Each element may itself be a comma-separated list, as a one-line {@code members=a,b} in a file gives it. */
    static List<String> splitMembers(String[] values) {
        List<String> members = new ArrayList<>();
        for (String value : values) {
            for (String member : value.split(",")) {
                if (!member.isBlank()) {
                    members.add(member.strip());
                }
            }
        }
        return members;
    }

    /** Starts a member, with {@code loader} for the classes of values it deserializes. */
    public HazelcastInstance start(ClassLoader loader) {
        // read by Hazelcast's statics before any instance exists, not only from the instance's config
        System.setProperty("hazelcast.phone.home.enabled", "false");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return Hazelcast.newHazelcastInstance(config(loader));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    Config config(ClassLoader loader) {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setClassLoader(loader);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", loggingType);
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.socket.server.bind.any", "false");
        config.setProperty("hazelcast.socket.client.bind.any", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", Long.toString(presenceGrace.toSeconds()));
        config.setProperty("hazelcast.integrity-checker.enabled", "false");
        // members that missed each other while starting (or a healed partition) find each other within seconds,
        // not after Hazelcast's five minutes; each check asks the few members of the list
        config.setProperty("hazelcast.merge.first.run.delay.seconds", Long.toString(MERGE_CHECK.toSeconds()));
        config.setProperty("hazelcast.merge.next.run.delay.seconds", Long.toString(MERGE_CHECK.toSeconds()));
        config.getJetConfig().setEnabled(false);
        network(config.getNetworkConfig());
        config.getSerializationConfig().setJavaSerializationFilterConfig(new JavaSerializationFilterConfig()
                .setWhitelist(new ClassFilter().addPrefixes("java.", "[", "dev.relive.cluster.internal.")));
        maps(config);
        return config;
    }

    private void network(NetworkConfig network) {
        network.setPort(port).setPortAutoIncrement(portAutoIncrement);
        network.getInterfaces().setEnabled(true).setInterfaces(List.of(bindAddress));
        network.getRestApiConfig().setEnabled(false);
        network.getMemcacheProtocolConfig().setEnabled(false);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(members).setConnectionTimeoutSeconds(2);
    }

    private void maps(Config config) {
        config.addMapConfig(new MapConfig(STATE).setBackupCount(1)
                .setMaxIdleSeconds(seconds(stateTtl)));
        config.addMapConfig(new MapConfig(SESSIONS).setBackupCount(1)
                .setMaxIdleSeconds(seconds(sessionIdle))
                .setEvictionConfig(new EvictionConfig().setEvictionPolicy(EvictionPolicy.LRU)
                        .setMaxSizePolicy(MaxSizePolicy.PER_NODE).setSize(maxSessions)));
        config.addMapConfig(new MapConfig(PRESENCE).setBackupCount(1));
        config.addMapConfig(new MapConfig(SECRET).setBackupCount(1));
    }

    private static int seconds(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toSeconds());
    }
}
