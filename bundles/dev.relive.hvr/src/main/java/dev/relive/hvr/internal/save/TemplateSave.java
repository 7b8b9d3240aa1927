package dev.relive.hvr.internal.save;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.relive.hvr.internal.HvrStatus;
import dev.relive.hvr.internal.build.ProjectLayout;
import dev.relive.hvr.internal.watch.ChangeSet;
import dev.relive.runtime.spi.HvrError;
import dev.relive.runtime.spi.LiveSession;
import dev.relive.runtime.spi.LiveSessions;
import dev.relive.runtime.spi.TemplateFiles;
import dev.relive.runtime.spi.ViewSlot;

/**
 * A save of templates only: the new texts go to the {@link TemplateOverrides} the runtime renders from, and each
 * session whose last render read one of them (a view's own template, a partial, a layout, a macro library, in this
 * bundle or shared with others) is re-rendered, with no build and no bundle update. A text that does not parse is
 * not put in place; the sessions rendering it, and those mounted later, are shown where it fails.
 */
final class TemplateSave {

    private static final Logger LOG = LoggerFactory.getLogger("dev.relive.hvr");

    private final LiveSessions sessions;
    private final HvrStatus status;
    private final TemplateOverrides templates;
    private final BrowserNotices notices;

    TemplateSave(LiveSessions sessions, HvrStatus status, TemplateOverrides templates, BrowserNotices notices) {
        this.sessions = sessions;
        this.status = status;
        this.templates = templates;
        this.notices = notices;
    }

    /** Whether the change set is template edits only (no deletions). */
    static boolean applies(ChangeSet change) {
        return change.deleted().isEmpty() && !change.changed().isEmpty()
                && change.changed().stream().allMatch(file -> ProjectLayout.isTemplate(change.project(), file));
    }

    void apply(ChangeSet change, String bsn, SaveTimeline timeline) throws InterruptedException {
        Map<String, Path> changed = new LinkedHashMap<>();
        boolean refused = read(change, bsn, changed);
        timeline.mark("read");
        Map<String, Integer> versions = new HashMap<>(); // one new version per view, however many sessions show it
        for (LiveSession session : sessions.sessions()) {
            String path = changed.keySet().stream().filter(p -> session.renders(bsn, p)).findFirst().orElse(null);
            if (path == null) {
                continue;
            }
            session.hold();
            try {
                session.slots().forEach(slot -> status.renderingAgain(slot.className()));
                String view = viewOf(session, bsn, path);
                int version = versions.computeIfAbsent(view, v -> status.swapped(v, "template"));
                Path file = changed.get(path);
                session.rerender(notices.applied(view, version, file, bsn, timeline, timeline.phases(), List.of()),
                        message -> notices.renderFailed(view, message));
            } finally {
                session.release();
            }
        }
        timeline.mark("render");
        if (!changed.isEmpty()) {
            status.changed(); // a page that could not be shown may now be (a bundle update counts by its event)
        }
        if (!refused && !notices.buildFailing(bsn)) {
            // a failed Java build stays the bundle's last word until a build works: its old code still runs
            status.built(new HvrStatus.Build(bsn, true, "template re-rendered", Instant.now(), timeline.phases()));
        }
    }

    /**
     * Puts the saved texts that parse into the overrides and the files read into {@code changed}, by resource path.
     * A text that does not parse is left out: the last one that did stays live, and the sessions rendering it are
     * shown where it fails, as after a compile error. Returns whether one was left out.
     */
    private boolean read(ChangeSet change, String bsn, Map<String, Path> changed) throws InterruptedException {
        boolean refused = false;
        for (Path file : change.changed()) {
            String path = ProjectLayout.resourcePath(change.project(), file);
            try {
                String text = SavedFiles.read(file);
                Optional<HvrError> problem = sessions.checkTemplate(bsn, path, text);
                if (problem.isPresent()) {
                    refuse(bsn, path, file, problem.get());
                    refused = true;
                } else {
                    templates.put(bsn, path, text);
                    notices.templateAccepted(bsn, path);
                    changed.put(path, file);
                }
            } catch (IOException e) {
                LOG.warn("HVR: cannot read {}: {}", file, e.getMessage());
            }
        }
        return refused;
    }

    private void refuse(String bsn, String path, Path file, HvrError problem) {
        LOG.warn("HVR: {} does not parse, the last template that did stays live: {}", file, problem.message());
        status.built(new HvrStatus.Build(bsn, false, file.getFileName() + ":" + problem.line() + ": "
                + problem.message(), Instant.now(), Map.of()));
        HvrError shown = new HvrError(bsn, file.toString(), problem.line(), problem.column(), problem.message());
        notices.templateRefused(bsn, path, shown);
        for (LiveSession session : sessions.sessions()) {
            if (session.renders(bsn, path)) {
                session.showError(shown);
            }
        }
    }

    /** The view of the session whose own template is {@code path} of {@code bsn}, else the page's view. */
    private static String viewOf(LiveSession session, String bsn, String path) {
        List<ViewSlot> slots = session.slots();
        for (ViewSlot slot : slots) {
            Bundle bundle = FrameworkUtil.getBundle(slot.view().getClass());
            if (bundle != null && bsn.equals(bundle.getSymbolicName())
                    && path.equals(TemplateFiles.pathOf(slot.className()))) {
                return slot.className();
            }
        }
        return slots.isEmpty() ? path : slots.get(0).className();
    }
}
