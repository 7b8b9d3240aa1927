package dev.relive.runtime.internal.socket;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts open WebSocket connections, runtime-wide and per remote address, and refuses one more beyond
 * {@code maxTotal} or {@code maxPerAddress}. Every successful {@link #tryOpen} must be followed by one
 * {@link #closed} for the same address.
 */
final class ConnectionLimits {

    /** Why a connection was refused; {@code null} from {@link #tryOpen} when it was not. */
    enum Refusal {
        RUNTIME_FULL(503, "max_sessions"),
        ADDRESS_FULL(429, "max_sessions_per_address");

        final int status;
        final String key;

        Refusal(int status, String key) {
            this.status = status;
            this.key = key;
        }
    }

    private final int maxTotal;
    private final int maxPerAddress;
    private final Map<String, Integer> perAddress = new HashMap<>();
    private int total;

    ConnectionLimits(int maxTotal, int maxPerAddress) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
    }

    synchronized Refusal tryOpen(String address) {
        if (total >= maxTotal) {
            return Refusal.RUNTIME_FULL;
        }
        int open = perAddress.getOrDefault(address, 0);
        if (open >= maxPerAddress) {
            return Refusal.ADDRESS_FULL;
        }
        perAddress.put(address, open + 1);
        total++;
        return null;
    }

    synchronized void closed(String address) {
        Integer open = perAddress.get(address);
        if (open == null) {
            return;
        }
        if (open <= 1) {
            perAddress.remove(address);
        } else {
            perAddress.put(address, open - 1);
        }
        total--;
    }

    int limit(Refusal refusal) {
        return refusal == Refusal.RUNTIME_FULL ? maxTotal : maxPerAddress;
    }
}
