package dev.relive.runtime.internal.session;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo {@code relive:stats}: live sessions, heap in use and threads; {@code relive:stats gc} collects garbage first,
 * so that heap figures of benchmarks compare like with like. {@code relive:loaded PREFIX} counts the loaded classes
 * and live threads whose names start with PREFIX (e.g. {@code com.sun.tools.javac}, {@code relive-hvr}): how a
 * production run shows it carries no compiler and no watcher.
 */
@Component(service = StatsCommand.class,
        property = {"osgi.command.scope=relive", "osgi.command.function=stats", "osgi.command.function=loaded"})
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

    public String loaded(String prefix) {
        long threads = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix))
                .count();
        long classes = -1;
        try {
            javax.management.MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Object text = server.invoke(new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "vmClassHierarchy", new Object[] {new String[0]}, new String[] {String[].class.getName()});
            classes = text.toString().lines().map(String::strip)
                    .map(l -> l.replaceFirst("^[|\\s-]*", ""))
                    .filter(l -> l.startsWith(prefix)).count();
        } catch (javax.management.JMException | RuntimeException e) {
            // no diagnostic command bean in this JVM: classes stays -1
        }
        return "prefix=" + prefix + " loadedClasses=" + classes + " threads=" + threads;
    }
}
