package dev.relive.cluster.internal;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;

/**
 * This runtime's Hazelcast member, started only when the configuration {@code dev.relive.cluster} exists (the
 * launcher's {@code --cluster} writes it; a {@code dev.relive.cluster.cfg} in the deploy folder does as well), and
 * shut down with it. Logs {@code Cluster: N members} whenever the membership changes.
 */
@Component(service = ClusterMember.class, immediate = true, configurationPid = ClusterMember.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ClusterMember.Config.class)
public class ClusterMember {

    public static final String PID = "dev.relive.cluster";

    private static final Logger LOG = LoggerFactory.getLogger(ClusterMember.class);

    @ObjectClassDefinition(id = PID, name = "Relive cluster member")
    public @interface Config {
        @AttributeDefinition(description = "Members to join, host:port each (a comma-separated line works too).")
        String[] members();

        @AttributeDefinition(description = "Port this member listens on.")
        int port() default 5701;

        @AttributeDefinition(description = "Whether a taken port makes the member try the next ones.")
        boolean port__auto__increment() default false;

        @AttributeDefinition(description = "The one address the member binds: loopback or a private network.")
        String bind__address() default "127.0.0.1";

        @AttributeDefinition(description = "Members of another cluster name are refused.")
        String cluster__name() default "relive";

        @AttributeDefinition(description = "Seconds a tab's state lives after its last write.")
        int state__ttl__seconds() default 1800;

        @AttributeDefinition(description = "Seconds a silent member is kept before it and its presence entries go.")
        int presence__grace__seconds() default 5;

        @AttributeDefinition(description = "Seconds an unused browser session lives.")
        int session__idle__seconds() default 28800;

        @AttributeDefinition(description = "Browser sessions kept per member; beyond it the least recently used go.")
        int max__browser__sessions() default 100000;
    }

    private final MemberSettings settings;
    private final HazelcastInstance instance;
    private final UUID listener;

    @Activate
    public ClusterMember(Config config) {
        this(settings(config), ClusterMember.class.getClassLoader());
    }

    ClusterMember(MemberSettings settings, ClassLoader loader) {
        this.settings = settings;
        long started = System.nanoTime();
        this.instance = settings.start(loader);
        this.listener = instance.getCluster().addMembershipListener(new MembershipLog());
        LOG.info("Cluster member {} on {} in {} ms; members: {}", instance.getCluster().getLocalMember().getUuid(),
                instance.getCluster().getLocalMember().getAddress(), (System.nanoTime() - started) / 1_000_000,
                describe(instance.getCluster().getMembers()));
        LOG.info("Cluster: {} members", instance.getCluster().getMembers().size());
    }

    static MemberSettings settings(Config config) {
        return new MemberSettings(MemberSettings.splitMembers(config.members()), config.port(),
                config.port__auto__increment(), config.bind__address(), config.cluster__name(),
                Duration.ofSeconds(config.state__ttl__seconds()), Duration.ofSeconds(config.presence__grace__seconds()),
                Duration.ofSeconds(config.session__idle__seconds()), config.max__browser__sessions(), "slf4j");
    }

    /** The running member. */
    public HazelcastInstance instance() {
        return instance;
    }

    public MemberSettings settings() {
        return settings;
    }

    @Deactivate
    void stop() {
        instance.getCluster().removeMembershipListener(listener);
        instance.shutdown();
        LOG.info("Cluster member stopped");
    }

    static String describe(Set<Member> members) {
        return members.stream().map(m -> m.getAddress() + (m.localMember() ? " (this)" : ""))
                .collect(Collectors.joining(", "));
    }

    private static final class MembershipLog implements MembershipListener {
        @Override
        public void memberAdded(MembershipEvent event) {
            LOG.info("Cluster: {} members ({} joined)", event.getMembers().size(), event.getMember().getAddress());
        }

        @Override
        public void memberRemoved(MembershipEvent event) {
            LOG.info("Cluster: {} members ({} left)", event.getMembers().size(), event.getMember().getAddress());
        }
    }
}
