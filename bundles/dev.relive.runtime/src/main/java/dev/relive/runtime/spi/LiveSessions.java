package dev.relive.runtime.spi;

import java.util.List;
import java.util.Optional;

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

    /**
     * Parses {@code text} as the template {@code path} of bundle {@code bundleSymbolicName}, without rendering it:
     * empty when it parses, else where and why it does not ({@link HvrError#file()} is {@code path}). What it
     * includes, extends or imports is looked up when it renders, not here. Dev tooling checks a saved template with
     * it before putting it in place, so that the last one that parsed stays live, as the old classes do after a
     * compile error.
     *
     * @since 2.4
     */
    default Optional<HvrError> checkTemplate(String bundleSymbolicName, String path, String text) {
        return Optional.empty();
    }
}
