package dev.relive.launcher.log;

import java.io.PrintStream;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * Writes {@code HH:mm:ss.SSS [thread] LEVEL name - message} and the throwable's stack trace, if any, to
 * {@code System.err} as it is at the call (the console may replace it), one line at a time across threads.
 */
final class LauncherLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;
    private static final Object WRITING = new Object();

    /** Null when the logger is off. */
    private final transient Level level;
    private final transient TimeOfDay clock;

    LauncherLogger(String name, Level level, TimeOfDay clock) {
        this.name = name;
        this.level = level;
        this.clock = clock;
    }

    private boolean enabled(Level asked) {
        return level != null && asked.toInt() >= level.toInt();
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level asked, Marker marker, String pattern, Object[] arguments,
            Throwable throwable) {
        StringBuilder line = new StringBuilder(96);
        clock.append(line, System.currentTimeMillis());
        line.append(" [").append(Thread.currentThread().getName()).append("] ").append(asked).append(' ')
                .append(name).append(" - ").append(MessageFormatter.basicArrayFormat(pattern, arguments));
        PrintStream err = System.err;
        synchronized (WRITING) {
            err.println(line);
            if (throwable != null) {
                throwable.printStackTrace(err);
            }
            err.flush();
        }
    }
}
