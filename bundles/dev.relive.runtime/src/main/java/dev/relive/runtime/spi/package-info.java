/**
 * What the runtime offers dev tooling (Hot View Replacement): the live sessions, their view instances, a hook on
 * each page a tab mounts ({@link dev.relive.runtime.spi.MountListener}), the means to hold, swap, re-render and
 * message them (with typed frames: {@link dev.relive.runtime.spi.HvrApplied}, {@link dev.relive.runtime.spi.HvrError},
 * {@link dev.relive.runtime.spi.ReloadReason}), the swap of every live view of updated bundles to their new classes
 * ({@link dev.relive.runtime.spi.ViewSwapper}); and the rules dev tooling shares with the runtime: where templates
 * live ({@link dev.relive.runtime.spi.TemplateFiles}) and what a handler is called by clients
 * ({@link dev.relive.runtime.spi.HandlerNames}). Not for views.
 */
@Export
@Version("2.6.0")
package dev.relive.runtime.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
