package dev.relive.hvr.internal.save;

import java.util.List;
import java.util.Optional;

import dev.relive.runtime.spi.HvrError;
import dev.relive.runtime.spi.LiveSession;
import dev.relive.runtime.spi.LiveSessions;
import dev.relive.runtime.spi.MountListener;
import dev.relive.runtime.spi.TemplateSource;

/** The runtime's sessions as HVR sees them, with one tab; a template's check says what {@code checker} says. */
final class OneTabSessions implements LiveSessions {

    /** What checking a template's text finds, as {@link LiveSessions#checkTemplate}. */
    interface TemplateChecker {
        Optional<HvrError> check(String bundleSymbolicName, String path, String text);
    }

    private final LiveSession tab;
    private final TemplateChecker checker;

    OneTabSessions(LiveSession tab, TemplateChecker checker) {
        this.tab = tab;
        this.checker = checker;
    }

    /** Every template parses. */
    OneTabSessions(LiveSession tab) {
        this(tab, (bsn, path, text) -> Optional.empty());
    }

    @Override
    public List<LiveSession> sessions() {
        return List.of(tab);
    }

    @Override
    public void setTemplateSource(TemplateSource source) {
    }

    @Override
    public void setMountListener(MountListener listener) {
    }

    @Override
    public Optional<HvrError> checkTemplate(String bundleSymbolicName, String path, String text) {
        return checker.check(bundleSymbolicName, path, text);
    }
}
