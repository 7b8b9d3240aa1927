package dev.relive.launcher.bench;

import java.util.Arrays;

/** Percentiles of recorded durations, in microseconds. */
final class Stats {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long micros) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = micros;
    }

    synchronized int count() {
        return size;
    }

    synchronized long percentile(double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, i))];
    }

    static String ms(long micros) {
        return String.format("%.2f ms", micros / 1000.0);
    }
}
