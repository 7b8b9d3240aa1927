package dev.relive.cluster.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.hazelcast.cluster.Cluster;

/** Gogo {@code cluster:members}: the cluster's members now, this one marked. */
@Component(service = MembersCommand.class,
        property = {"osgi.command.scope=cluster", "osgi.command.function=members"})
public class MembersCommand {

    private final ClusterMember member;

    @Activate
    public MembersCommand(@Reference ClusterMember member) {
        this.member = member;
    }

    public String members() {
        Cluster cluster = member.instance().getCluster();
        return "Cluster: " + cluster.getMembers().size() + " members: " + ClusterMember.describe(cluster.getMembers());
    }
}
