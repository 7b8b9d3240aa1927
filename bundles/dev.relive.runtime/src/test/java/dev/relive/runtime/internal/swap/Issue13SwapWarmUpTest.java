package dev.relive.runtime.internal.swap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Issue13SwapWarmUpTest {

    @Test
    void everyRoundCarriesEveryFieldOfTheSample() {
        assertThat(SwapWarmUp.run(20)).isEqualTo(20);
    }
}
