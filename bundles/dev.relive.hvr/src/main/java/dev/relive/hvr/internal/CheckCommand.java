package dev.relive.hvr.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.tools.ToolProvider;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo {@code hvr:check}: environment diagnostics, one line per finding, each with a code (documented in the
 * README): H001 no Java compiler (neither the embedded ECJ nor the JDK's javac), H002 WebSocket support off, H003
 * watcher unavailable, H004 HVR disabled by configuration, H005 watcher off by configuration, H006 a watched folder
 * does not exist, H007 a watched bundle project that no installed bundle matches (install it with
 * {@code hvr:install}). Prints {@code H000 ok} when nothing is wrong.
 */
@Component(service = CheckCommand.class, property = {"osgi.command.scope=hvr", "osgi.command.function=check"})
public class CheckCommand {

    private final BundleContext context;
    private final HvrStatus status;

    @Activate
    public CheckCommand(BundleContext context, @Reference HvrStatus status) {
        this.context = context;
        this.status = status;
    }

    public String check() {
        List<String> findings = new ArrayList<>();
        if (status.compiler() == null && ToolProvider.getSystemJavaCompiler() == null) {
            findings.add("H001 no Java compiler in this runtime: run Relive on a JDK, not a JRE");
        }
        if (!"true".equals(context.getProperty("org.apache.felix.jetty.websocket.enable"))) {
            findings.add("H002 WebSocket support is off: set org.apache.felix.jetty.websocket.enable=true");
        }
        if (status.unavailable() != null) {
            findings.add("H003 watcher unavailable: " + status.unavailable());
        }
        if (!status.enabled()) {
            findings.add("H004 HVR disabled by configuration (dev.relive.hvr hvr_enabled=false): saves reload pages");
        }
        if (!status.watching()) {
            findings.add("H005 watcher off by configuration (dev.relive.hvr hot_reload=false)");
        }
        for (Path dir : status.watched()) {
            if (!Files.isDirectory(dir)) {
                findings.add("H006 watched folder does not exist: " + dir);
            }
        }
        WatchedProjects.find(context, status.watched(), List.of()).notInstalled().forEach((project, bsn) -> findings
                .add("H007 watched project " + project + " builds " + bsn + ", which is not installed: hvr:install "
                        + project));
        if (findings.isEmpty()) {
            findings.add("H000 ok: compiler, WebSocket and watcher are available");
        }
        return String.join("\n", findings) + "\n";
    }
}
