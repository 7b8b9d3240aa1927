package dev.relive.runtime.internal.session;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo {@code relive:stats}: live sessions and heap in use; {@code relive:stats gc} collects garbage first, so that
 * heap figures of benchmarks compare like with like.
 */
@Component(service = StatsCommand.class, property = {"osgi.command.scope=relive", "osgi.command.function=stats"})
public class StatsCommand {

    private final Sessions sessions;

    @Activate
    public StatsCommand(@Reference Sessions sessions) {
        this.sessions = sessions;
    }

    public String stats() {
        return stats("");
    }

    public String stats(String mode) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        if ("gc".equals(mode)) {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
        }
        long used = memory.getHeapMemoryUsage().getUsed();
        return "sessions=" + sessions.count() + " heapUsedBytes=" + used + " threads="
                + ManagementFactory.getThreadMXBean().getThreadCount();
    }
}
