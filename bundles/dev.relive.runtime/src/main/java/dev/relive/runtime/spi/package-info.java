/**
 * What the runtime offers dev tooling (Hot View Replacement): the live sessions, their view instances, and the
 * means to hold, swap, re-render and message them. Not for views.
 */
@Export
@Version("1.0.0")
package dev.relive.runtime.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
