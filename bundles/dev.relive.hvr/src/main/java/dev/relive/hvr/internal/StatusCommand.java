package dev.relive.hvr.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/** Gogo command {@code hvr:status}: whether HVR is on and which folders are watched. */
@Designate(ocd = HvrConfig.class)
@Component(service = StatusCommand.class, configurationPid = HvrConfig.PID,
        property = {"osgi.command.scope=hvr", "osgi.command.function=status"})
public class StatusCommand {

    private final HvrConfig config;
    private final BundleContext context;

    @Activate
    public StatusCommand(HvrConfig config, BundleContext context) {
        this.config = config;
        this.context = context;
    }

    public String status() {
        StringBuilder out = new StringBuilder();
        out.append("HVR: ").append(config.hvr__enabled() ? "enabled" : "disabled (saves reload the page)").append('\n');
        out.append("Watcher: ").append(config.hot__reload() ? "on" : "off").append('\n');
        out.append("Watched folders:\n");
        for (Path dir : watchDirs()) {
            out.append("  ").append(dir).append('\n');
        }
        return out.toString();
    }

    List<Path> watchDirs() {
        List<Path> dirs = new ArrayList<>();
        if (config.watch__dirs().length > 0) {
            for (String d : config.watch__dirs()) {
                dirs.add(Path.of(d).toAbsolutePath().normalize());
            }
        } else {
            String workspace = context.getProperty("relive.workspace");
            dirs.add(Path.of(workspace == null ? "." : workspace, "bundles").toAbsolutePath().normalize());
        }
        return dirs;
    }
}
