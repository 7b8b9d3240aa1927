package dev.relive.hvr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The warm-up stops once its builds stop getting faster, not after a fixed count. */
class Issue13SteadyBuildsTest {

    @Test
    void buildsThatKeepGettingFasterAreNotSteady() {
        SteadyBuilds steady = new SteadyBuilds(1);
        long ms = 3000;
        for (int i = 0; i < 30; i++) {
            assertThat(steady.record(0, ms)).as("build %d", i).isFalse();
            ms = ms * 85 / 100;
        }
    }

    @Test
    void threeRoundsWithoutABuildTenPercentFasterAreSteady() {
        SteadyBuilds steady = new SteadyBuilds(1);
        long[] times = {3000, 1500, 900, 600, 580, 620, 570};
        boolean[] expected = {false, false, false, false, false, false, true};
        for (int i = 0; i < times.length; i++) {
            assertThat(steady.record(0, times[i])).as("build %d (%d ms)", i, times[i]).isEqualTo(expected[i]);
        }
    }

    @Test
    void aRoundIsOneBuildOfEachProjectAndAnyFasterBuildRestartsTheCount() {
        SteadyBuilds steady = new SteadyBuilds(2);
        // round 1 (first builds), rounds 2 and 3 steady, round 4 has a faster build of project 1, rounds 5 to 7 steady
        long[][] rounds = {{800, 300}, {790, 310}, {800, 300}, {790, 200}, {800, 210}, {790, 205}, {800, 200}};
        boolean steadyAt = false;
        int round = 0;
        for (; round < rounds.length && !steadyAt; round++) {
            assertThat(steady.record(0, rounds[round][0])).isFalse();
            steadyAt = steady.record(1, rounds[round][1]);
        }
        assertThat(steadyAt).isTrue();
        assertThat(round).isEqualTo(7);
    }

    @Test
    void theJitterOfProjectsWithLittleToBuildIsNotGettingFaster() {
        SteadyBuilds steady = new SteadyBuilds(3);
        long[][] rounds = {{160, 2, 0}, {150, 1, 0}, {155, 3, 1}, {152, 0, 0}};
        boolean steadyAt = false;
        for (long[] round : rounds) {
            steady.record(0, round[0]);
            steady.record(1, round[1]);
            steadyAt = steady.record(2, round[2]);
        }
        assertThat(steadyAt).isTrue();
    }

    @Test
    void atLeastTheMinimumOfBuilds() {
        SteadyBuilds steady = new SteadyBuilds(1);
        for (int i = 1; i < SteadyBuilds.MIN_BUILDS; i++) {
            assertThat(steady.record(0, 100)).isFalse();
        }
        assertThat(steady.record(0, 100)).isTrue();
    }
}
