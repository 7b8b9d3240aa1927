package dev.relive.launcher.log;

import java.util.Locale;
import java.util.function.UnaryOperator;

import org.slf4j.event.Level;

/**
 * A logger's level, read from the system properties SLF4J's simple logger reads:
 * {@code org.slf4j.simpleLogger.log.NAME} for a logger and the loggers under it (the longest name that has one wins),
 * else {@code org.slf4j.simpleLogger.defaultLogLevel}, else {@code info}. Values: {@code trace}, {@code debug},
 * {@code info}, {@code warn}, {@code error}, {@code off}; an unknown value counts as {@code info}.
 */
final class LogLevels {

    static final String PREFIX = "org.slf4j.simpleLogger.log.";
    static final String DEFAULT = "org.slf4j.simpleLogger.defaultLogLevel";

    private final UnaryOperator<String> properties;

    LogLevels(UnaryOperator<String> properties) {
        this.properties = properties;
    }

    static LogLevels fromSystemProperties() {
        return new LogLevels(System::getProperty);
    }

    /** The level of the named logger; null when it is off. */
    Level of(String name) {
        String value = null;
        String prefix = name;
        while (value == null && !prefix.isEmpty()) {
            value = properties.apply(PREFIX + prefix);
            int dot = prefix.lastIndexOf('.');
            prefix = dot < 0 ? "" : prefix.substring(0, dot);
        }
        if (value == null) {
            value = properties.apply(DEFAULT);
        }
        return parse(value);
    }

    private static Level parse(String value) {
        if (value == null) {
            return Level.INFO;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "trace" -> Level.TRACE;
            case "debug" -> Level.DEBUG;
            case "warn" -> Level.WARN;
            case "error" -> Level.ERROR;
            case "off" -> null;
            default -> Level.INFO;
        };
    }
}
