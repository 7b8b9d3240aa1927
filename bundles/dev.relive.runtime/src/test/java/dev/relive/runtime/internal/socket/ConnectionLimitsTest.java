package dev.relive.runtime.internal.socket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionLimitsTest {

    @Test
    void oneAddressIsCappedAndTheOthersStillGetIn() {
        ConnectionLimits limits = new ConnectionLimits(10, 2);
        assertThat(limits.tryOpen("a")).isNull();
        assertThat(limits.tryOpen("a")).isNull();
        assertThat(limits.tryOpen("a")).isEqualTo(ConnectionLimits.Refusal.ADDRESS_FULL);
        assertThat(limits.tryOpen("b")).isNull();
        limits.closed("a");
        assertThat(limits.tryOpen("a")).isNull();
    }

    @Test
    void theRuntimeIsCappedAcrossAddresses() {
        ConnectionLimits limits = new ConnectionLimits(3, 2);
        assertThat(limits.tryOpen("a")).isNull();
        assertThat(limits.tryOpen("b")).isNull();
        assertThat(limits.tryOpen("c")).isNull();
        assertThat(limits.tryOpen("d")).isEqualTo(ConnectionLimits.Refusal.RUNTIME_FULL);
        assertThat(ConnectionLimits.Refusal.RUNTIME_FULL.status).isEqualTo(503);
        assertThat(ConnectionLimits.Refusal.ADDRESS_FULL.status).isEqualTo(429);
        limits.closed("b");
        limits.closed("b");
        assertThat(limits.tryOpen("d")).isNull();
        assertThat(limits.tryOpen("e")).isEqualTo(ConnectionLimits.Refusal.RUNTIME_FULL);
    }
}
