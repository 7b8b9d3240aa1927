package dev.relive.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;

import org.junit.jupiter.api.Test;

/** {@code --cluster} and {@code --cluster-port}: what they install and the configuration they stand for. */
class Issue18ClusterOptionsTest {

    @Test
    void withoutTheFlagNoClusterBundlesAreInstalled() {
        LaunchOptions options = LaunchOptions.parse(new String[] {"--port", "0"});
        assertThat(options.cluster()).isFalse();
        assertThat(FelixFramework.bundleSets(options)).containsExactly("core", "app");
        assertThat(FelixFramework.bundleSets(LaunchOptions.parse(new String[] {"--dev"})))
                .containsExactly("core", "app", "dev");
    }

    @Test
    void theFlagAddsTheClusterBundlesFirstAndTheirConfiguration() {
        LaunchOptions options = LaunchOptions.parse(
                new String[] {"--cluster", "127.0.0.1:5701, 127.0.0.1:5702", "--cluster-port", "5702"});
        assertThat(options.cluster()).isTrue();
        assertThat(options.clusterMembers()).containsExactly("127.0.0.1:5701", "127.0.0.1:5702");
        assertThat(FelixFramework.bundleSets(options)).containsExactly("cluster", "core", "app");
        var properties = ClusterConfiguration.properties(options);
        assertThat(Collections.list(properties.keys())).containsExactlyInAnyOrder("members", "port");
        assertThat((String[]) properties.get("members")).containsExactly("127.0.0.1:5701", "127.0.0.1:5702");
        assertThat(properties.get("port")).isEqualTo(5702);
    }

    @Test
    void theClusterPortDefaultsTo5701AndMembersMustNamePorts() {
        assertThat(LaunchOptions.parse(new String[] {"--cluster", "10.0.0.5:5701"}).clusterPort()).isEqualTo(5701);
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--cluster", "10.0.0.5"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host:port");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--cluster", ","}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--cluster", "h:99999"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
