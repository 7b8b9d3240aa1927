package dev.relive.hvr.internal;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

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

    @Activate
    public StatusCommand(@Reference HvrStatus status, @Reference LiveSessions sessions) {
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
        for (String name : names.keySet()) {
            HvrStatus.View v = views.get(name);
            out.append("  ").append(name).append(": sessions=").append(live.getOrDefault(name, 0))
                    .append(" version=").append(v == null ? 0 : v.version())
                    .append(" last=").append(v == null ? "-" : v.lastOutcome()).append('\n');
        }
        return out.toString();
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
