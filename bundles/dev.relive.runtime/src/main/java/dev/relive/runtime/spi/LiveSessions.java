package dev.relive.runtime.spi;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Service of the runtime: every browser tab currently connected. Thread-safe. */
@ProviderType
public interface LiveSessions {

    /** A snapshot of the sessions connected now. */
    List<LiveSession> sessions();

    /** Registers a hook consulted for template text before a view's bundle resources (dev: template-only edits). */
    void setTemplateSource(TemplateSource source);

    /** Registers the hook told of every page a connected tab mounts, or {@code null} for none. */
    void setMountListener(MountListener listener);
}
