package dev.relive.runtime.cluster;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The secret all members of a cluster share, so that a page token signed by one member is accepted by every other.
 * When such a service is present the runtime signs and checks tokens with it instead of its own key file.
 */
@ConsumerType
public interface ClusterSecret {

    /** The token key: at least 32 random bytes, the same on every member, never changing while the cluster lives. */
    byte[] tokenKey();
}
