package dev.relive.hvr.internal;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.relive.api.LiveView;
import dev.relive.runtime.spi.LiveSession;
import dev.relive.runtime.spi.LiveSessions;
import dev.relive.runtime.spi.ViewSlot;

/**
 * Gogo {@code hvr:status}: whether HVR is on, the watched folders, per bundle the last build (result, time, ms per
 * phase), per view the live sessions, the version and the last outcome or fallback reason.
 */
@Component(service = StatusCommand.class,
        property = {"osgi.command.scope=hvr", "osgi.command.function=status"})
public class StatusCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private final HvrStatus status;
    private final LiveSessions sessions;
    private final BundleContext context;

    @Activate
    public StatusCommand(BundleContext context, @Reference HvrStatus status, @Reference LiveSessions sessions) {
        this.context = context;
        this.status = status;
        this.sessions = sessions;
    }

    public String status() {
        StringBuilder out = new StringBuilder();
        out.append("HVR: ").append(status.enabled() ? "enabled" : "disabled (saves reload the page)").append('\n');
        out.append("Watcher: ").append(status.watching() ? "on" : "off");
        if (status.unavailable() != null) {
            out.append(" (unavailable: ").append(status.unavailable()).append(')');
        }
        out.append('\n');
        if (status.compiler() != null) {
            out.append("Compiler: ").append(status.compiler()).append('\n');
        }
        if (status.watching()) {
            out.append("Warm-up: ").append(status.warmUp()).append('\n');
        }
        out.append("Watched folders:\n");
        for (Path dir : status.watched()) {
            out.append("  ").append(dir).append('\n');
        }
        out.append("Bundles:\n");
        if (status.builds().isEmpty()) {
            out.append("  (no build yet)\n");
        }
        for (HvrStatus.Build b : status.builds().values()) {
            out.append("  ").append(b.bundle()).append(": ").append(b.ok() ? "ok" : "FAILED").append(" at ")
                    .append(TIME.format(b.at())).append(" - ").append(b.summary()).append('\n');
            out.append("    ms:");
            b.phases().forEach((phase, ms) -> out.append(' ').append(phase).append('=').append(ms));
            out.append('\n');
        }
        out.append("Views:\n");
        Map<String, Integer> live = liveSessions();
        Map<String, HvrStatus.View> views = status.views();
        TreeMap<String, Boolean> names = new TreeMap<>();
        live.keySet().forEach(n -> names.put(n, true));
        views.keySet().forEach(n -> names.put(n, true));
        if (names.isEmpty()) {
            out.append("  (none live)\n");
        }
        Set<String> registered = registeredViews();
        for (String name : names.keySet()) {
            HvrStatus.View v = views.get(name);
            int open = live.getOrDefault(name, 0);
            out.append("  ").append(name).append(": sessions=").append(open)
                    .append(" version=").append(v == null ? 0 : v.version())
                    .append(" last=").append(v == null ? "-" : v.lastOutcome());
            if (open == 0 && registered != null && !registered.contains(name)) {
                out.append(" (no longer registered: removed, or its bundle stopped)");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The component names of the views registered now (a view's class name unless its component is named). */
    private Set<String> registeredViews() {
        try {
            Set<String> names = new TreeSet<>();
            for (ServiceReference<LiveView> view : context.getServiceReferences(LiveView.class, null)) {
                Object name = view.getProperty("component.name");
                if (name != null) {
                    names.add(name.toString());
                }
            }
            return names;
        } catch (InvalidSyntaxException | IllegalStateException e) {
            return null; // not known: nothing is marked
        }
    }

    private Map<String, Integer> liveSessions() {
        Map<String, Integer> counts = new TreeMap<>();
        for (LiveSession s : sessions.sessions()) {
            for (ViewSlot slot : s.slots()) {
                counts.merge(slot.className(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
