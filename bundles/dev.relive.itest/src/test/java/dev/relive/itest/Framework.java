package dev.relive.itest;

import java.util.Arrays;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import dev.relive.runtime.spi.LiveSession;
import dev.relive.runtime.spi.LiveSessions;

/** Look-ups the in-framework tests share. */
final class Framework {

    private Framework() {
    }

    /** The installed bundle of that symbolic name; fails the test when there is none. */
    static Bundle bundle(BundleContext context, String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
    }

    /** The live session of that id, or {@code null}. */
    static LiveSession session(LiveSessions sessions, String id) {
        return sessions.sessions().stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }
}
