package dev.relive.launcher.log;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/** One {@link LauncherLogger} per name, its level resolved when it is first asked for. */
final class LauncherLoggers implements ILoggerFactory {

    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final LogLevels levels;
    private final TimeOfDay clock;

    LauncherLoggers(LogLevels levels, TimeOfDay clock) {
        this.levels = levels;
        this.clock = clock;
    }

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, n -> new LauncherLogger(n, levels.of(n), clock));
    }
}
