package dev.relive.launcher.log;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of the launcher's JVM: every bundle that logs through SLF4J (Jetty, the runtime, HVR) writes
 * lines {@code HH:mm:ss.SSS [thread] LEVEL logger - message} to the process's current standard error, at the levels
 * of {@link LogLevels}. It writes what SLF4J's simple logger wrote with the launcher's settings, without that logger's
 * {@code SimpleDateFormat}, whose calendar and locale data cost the launch about a tenth of Jetty's start.
 */
public final class LauncherLogging implements SLF4JServiceProvider {

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();
    private volatile ILoggerFactory loggers;

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        loggers = new LauncherLoggers(LogLevels.fromSystemProperties(), TimeOfDay.systemDefault());
    }
}
