/**
 * What a cluster bundle provides so that several runtimes serve one application: a store of each live tab's view
 * state ({@link dev.relive.runtime.cluster.SessionStateStore}), from which another member resumes the tab when the
 * member that served it dies, and the secret every member signs page tokens with
 * ({@link dev.relive.runtime.cluster.ClusterSecret}). The runtime works without them (one process); when a bundle
 * registers them, the runtime takes them up without a restart. Not for views.
 */
@Export
@Version("1.0.0")
package dev.relive.runtime.cluster;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
