package dev.relive.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;

/** The member finds others only through its list, binds one address, and sends nothing anywhere else. */
class MemberSettingsTest {

    private static MemberSettings settings(List<String> members) {
        return new MemberSettings(members, 5702, false, "127.0.0.1", "relive", Duration.ofMinutes(30),
                Duration.ofSeconds(5), Duration.ofHours(8), 100000, "slf4j");
    }

    @Test
    void onlyTheTcpIpListFindsMembersAndNothingPhonesHome() {
        Config config = settings(List.of("127.0.0.1:5701", "127.0.0.1:5702")).config(getClass().getClassLoader());
        JoinConfig join = config.getNetworkConfig().getJoin();
        assertThat(join.getMulticastConfig().isEnabled()).isFalse();
        assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
        assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
        assertThat(join.getTcpIpConfig().getMembers()).containsExactly("127.0.0.1:5701", "127.0.0.1:5702");
        assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
        assertThat(config.getJetConfig().isEnabled()).isFalse();
        assertThat(config.getNetworkConfig().getRestApiConfig().isEnabled()).isFalse();
        assertThat(config.getNetworkConfig().getMemcacheProtocolConfig().isEnabled()).isFalse();
    }

    @Test
    void theMemberBindsTheConfiguredAddressOnly() {
        Config config = settings(List.of("127.0.0.1:5701")).config(getClass().getClassLoader());
        assertThat(config.getNetworkConfig().getInterfaces().isEnabled()).isTrue();
        assertThat(config.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
        assertThat(config.getProperty("hazelcast.socket.bind.any")).isEqualTo("false");
        assertThat(config.getNetworkConfig().getPort()).isEqualTo(5702);
        assertThat(config.getNetworkConfig().isPortAutoIncrement()).isFalse();
        assertThat(config.getClassLoader()).isSameAs(getClass().getClassLoader());
    }

    @Test
    void stateAndSessionsAreBoundedAndBackedUp() {
        Config config = settings(List.of("127.0.0.1:5701")).config(getClass().getClassLoader());
        assertThat(config.getMapConfig(MemberSettings.STATE).getBackupCount()).isEqualTo(1);
        assertThat(config.getMapConfig(MemberSettings.STATE).getMaxIdleSeconds()).isEqualTo(1800);
        assertThat(config.getMapConfig(MemberSettings.SESSIONS).getMaxIdleSeconds()).isEqualTo(8 * 3600);
        assertThat(config.getMapConfig(MemberSettings.SESSIONS).getEvictionConfig().getSize()).isEqualTo(100000);
    }

    @Test
    void aMemberListMayComeAsOneCommaSeparatedLine() {
        assertThat(MemberSettings.splitMembers(new String[] {"127.0.0.1:5701, 127.0.0.1:5702", "10.0.0.3:5701"}))
                .containsExactly("127.0.0.1:5701", "127.0.0.1:5702", "10.0.0.3:5701");
        assertThatThrownBy(() -> settings(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
