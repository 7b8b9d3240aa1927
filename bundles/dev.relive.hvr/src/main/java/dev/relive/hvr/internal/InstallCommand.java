package dev.relive.hvr.internal;

import java.nio.file.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo {@code hvr:install DIR}: the first build of a bundle project that no installed bundle matches (an
 * {@code hvr:check} H007 finding), into {@code deploy/}, from where the runtime installs it now and at every start.
 */
@Component(service = InstallCommand.class,
        property = {"osgi.command.scope=hvr", "osgi.command.function=install"})
public class InstallCommand {

    private final HvrService hvr;

    @Activate
    public InstallCommand(@Reference HvrService hvr) {
        this.hvr = hvr;
    }

    public String install(String project) {
        return hvr.install(Path.of(project)) + "\n";
    }
}
