package dev.relive.launcher.log;

import java.util.TimeZone;

/** Writes an instant's local time of day as {@code HH:mm:ss.SSS}, by arithmetic on the zone's offset at that instant. */
final class TimeOfDay {

    private static final long DAY = 86_400_000L;

    private final TimeZone zone;

    TimeOfDay(TimeZone zone) {
        this.zone = zone;
    }

    static TimeOfDay systemDefault() {
        return new TimeOfDay(TimeZone.getDefault());
    }

    void append(StringBuilder out, long epochMillis) {
        long local = Math.floorMod(epochMillis + zone.getOffset(epochMillis), DAY);
        two(out, local / 3_600_000L).append(':');
        two(out, local / 60_000L % 60).append(':');
        two(out, local / 1000 % 60).append('.');
        long millis = local % 1000;
        if (millis < 100) {
            out.append('0');
        }
        two(out, millis);
    }

    private static StringBuilder two(StringBuilder out, long value) {
        if (value < 10) {
            out.append('0');
        }
        return out.append(value);
    }
}
