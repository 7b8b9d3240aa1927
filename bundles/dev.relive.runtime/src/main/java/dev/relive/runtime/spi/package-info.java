/**
 * What the runtime offers dev tooling (Hot View Replacement): the live sessions, their view instances, the means to
 * hold, swap, re-render and message them, and the swap of every live view of updated bundles to their new classes
 * ({@link dev.relive.runtime.spi.ViewSwapper}). Not for views.
 */
@Export
@Version("1.1.0")
package dev.relive.runtime.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
