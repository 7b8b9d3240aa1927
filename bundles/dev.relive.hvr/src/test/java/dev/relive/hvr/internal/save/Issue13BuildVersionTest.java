package dev.relive.hvr.internal.save;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

/** A save's version goes on from the installed one's {@code hvr<n>}, so no two builds of a run look alike. */
class Issue13BuildVersionTest {

    private final BundleBuild build = new BundleBuild(null, null);

    @Test
    void aMavenBuildGetsHvr1ThenHvr2() {
        String first = build.nextVersion(Version.parseVersion("1.0.0.SNAPSHOT"));
        assertThat(first).isEqualTo("1.0.0.SNAPSHOT-hvr1");
        assertThat(build.nextVersion(Version.parseVersion(first))).isEqualTo("1.0.0.SNAPSHOT-hvr2");
    }

    @Test
    void aKeptBuildInstalledAtStartIsFollowedByTheNextNumberNotTheFirst() {
        assertThat(build.nextVersion(Version.parseVersion("1.0.0.SNAPSHOT-hvr7"))).isEqualTo("1.0.0.SNAPSHOT-hvr8");
    }

    @Test
    void aVersionWithoutQualifierGetsOneHvrQualifierNotAChainOfThem() {
        String first = build.nextVersion(Version.parseVersion("2.3.4"));
        assertThat(first).isEqualTo("2.3.4.hvr1");
        assertThat(build.nextVersion(Version.parseVersion(first))).isEqualTo("2.3.4.hvr2");
    }

    @Test
    void theCountGoesOnAcrossBundles() {
        build.built(build.nextVersion(Version.parseVersion("1.0.0.SNAPSHOT-hvr4")));
        assertThat(build.nextVersion(Version.parseVersion("3.0.0"))).isEqualTo("3.0.0.hvr6");
    }

    @Test
    void aBuildThatFailedLeavesItsNumberToTheNextBuild() {
        Version installed = Version.parseVersion("1.0.0.SNAPSHOT-hvr2");
        assertThat(build.nextVersion(installed)).isEqualTo("1.0.0.SNAPSHOT-hvr3");
        // that build failed: nothing was installed, and the next save's build is hvr3, not hvr4
        assertThat(build.nextVersion(installed)).isEqualTo("1.0.0.SNAPSHOT-hvr3");
        build.built("1.0.0.SNAPSHOT-hvr3");
        assertThat(build.nextVersion(Version.parseVersion("2.0.0"))).isEqualTo("2.0.0.hvr4");
    }

    @Test
    void aQualifierThatOnlyLooksAlikeIsKept() {
        assertThat(build.nextVersion(Version.parseVersion("1.0.0.myhvr3"))).isEqualTo("1.0.0.myhvr3-hvr1");
    }
}
