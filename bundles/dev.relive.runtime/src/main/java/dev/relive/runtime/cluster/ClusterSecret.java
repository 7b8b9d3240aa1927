package dev.relive.runtime.cluster;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The secret all members of a cluster share, so that a page token signed by one member is accepted by every other.
 * When such a service is present the runtime signs and checks tokens with it instead of its own key file.
 */
@ConsumerType
public interface ClusterSecret {

    /**
     * The token key: at least 32 random bytes, the same on every member of the cluster. It changes only on a member
     * that started apart from the others (and so made a key of its own) when it merges into their cluster and takes
     * theirs: callers read it at each use.
     */
    byte[] tokenKey();
}
