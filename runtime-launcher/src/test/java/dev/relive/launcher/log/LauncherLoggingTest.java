package dev.relive.launcher.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.event.Level;

class LauncherLoggingTest {

    @Test
    void aLoggerTakesTheLevelOfItsLongestConfiguredNameThenTheDefault() {
        LogLevels levels = new LogLevels(Map.of(LogLevels.PREFIX + "dev.relive", "info",
                LogLevels.PREFIX + "dev.relive.hvr.noisy", "OFF", LogLevels.PREFIX + "com.hazelcast", "error",
                LogLevels.DEFAULT, "warn")::get);
        assertThat(levels.of("dev.relive.runtime.Page")).isEqualTo(Level.INFO);
        assertThat(levels.of("dev.relive")).isEqualTo(Level.INFO);
        assertThat(levels.of("dev.relive.hvr.noisy.Inner")).isNull();
        assertThat(levels.of("com.hazelcast.instance.AddressPicker")).isEqualTo(Level.ERROR);
        assertThat(levels.of("org.eclipse.jetty.server.Server")).isEqualTo(Level.WARN);
        assertThat(levels.of("dev.relived")).as("a name is matched at its dots").isEqualTo(Level.WARN);
        assertThat(new LogLevels(Map.<String, String>of()::get).of("x")).isEqualTo(Level.INFO);
        assertThat(new LogLevels(Map.of(LogLevels.DEFAULT, "loud")::get).of("x")).isEqualTo(Level.INFO);
    }

    @Test
    void theTimeOfDayIsTheZonesLocalTime() {
        for (String id : new String[] {"UTC", "Europe/Paris", "America/St_Johns", "Asia/Kathmandu"}) {
            TimeOfDay clock = new TimeOfDay(TimeZone.getTimeZone(id));
            DateTimeFormatter expected = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.of(id));
            for (long millis : new long[] {0, 999, 1_000, 59_999, 3_599_999, 86_399_999, 1_774_746_000_000L,
                    1_774_749_599_999L, 1_790_000_123_456L, -1L}) {
                StringBuilder out = new StringBuilder();
                clock.append(out, millis);
                assertThat(out).as(id + " " + millis).hasToString(expected.format(Instant.ofEpochMilli(millis)));
            }
        }
    }

    @Test
    void aLineSaysTimeThreadLevelNameAndMessageAndTheStackTraceFollows() {
        LauncherLoggers loggers = new LauncherLoggers(new LogLevels(Map.of(LogLevels.DEFAULT, "info")::get),
                new TimeOfDay(TimeZone.getTimeZone("UTC")));
        Logger logger = loggers.getLogger("dev.relive.Thing");
        assertThat(loggers.getLogger("dev.relive.Thing")).isSameAs(logger);
        String written = capture(() -> {
            logger.info("saved {} in {} ms", "View.java", 42);
            logger.debug("not written");
            logger.warn("failed", new IllegalStateException("broken"));
            logger.error("with {} and a throwable last", "an argument", new IllegalArgumentException("last"));
        });
        String[] lines = written.split("\n");
        String thread = Thread.currentThread().getName();
        assertThat(lines[0]).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d \\[" + thread
                + "\\] INFO dev\\.relive\\.Thing - saved View\\.java in 42 ms");
        assertThat(lines[1]).endsWith("] WARN dev.relive.Thing - failed");
        assertThat(lines[2]).isEqualTo("java.lang.IllegalStateException: broken");
        assertThat(written).doesNotContain("not written")
                .contains("] ERROR dev.relive.Thing - with an argument and a throwable last\n"
                        + "java.lang.IllegalArgumentException: last");
        assertThat(logger.isDebugEnabled()).isFalse();
        assertThat(logger.isInfoEnabled()).isTrue();
    }

    @Test
    void aLoggerThatIsOffWritesNothing() {
        Logger off = new LauncherLoggers(new LogLevels(Map.of(LogLevels.DEFAULT, "off")::get),
                new TimeOfDay(TimeZone.getTimeZone("UTC"))).getLogger("x");
        assertThat(capture(() -> off.error("nothing"))).isEmpty();
        assertThat(off.isErrorEnabled()).isFalse();
    }

    private static String capture(Runnable logging) {
        PrintStream err = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            logging.run();
        } finally {
            System.setErr(err);
        }
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
