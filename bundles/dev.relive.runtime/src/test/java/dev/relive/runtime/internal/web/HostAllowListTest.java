package dev.relive.runtime.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class HostAllowListTest {

    @Test
    void devWithoutAListAnswersLoopbackNamesOnly() {
        HostAllowList hosts = HostAllowList.of(List.of(), true, "127.0.0.1");
        assertThat(hosts.allows("localhost:8080")).isTrue();
        assertThat(hosts.allows("127.0.0.1:8080")).isTrue();
        assertThat(hosts.allows("[::1]:8080")).isTrue();
        assertThat(hosts.allows("app.localhost")).isTrue();
        assertThat(hosts.allows("rebind.attacker.example:8080")).isFalse();
        assertThat(hosts.allows("127.0.0.1.attacker.example")).isFalse();
        assertThat(hosts.allows(null)).isFalse();
        assertThat(hosts.allows("")).isFalse();
    }

    @Test
    void devOnAllInterfacesStillAnswersLoopbackNamesOnly() {
        HostAllowList hosts = HostAllowList.of(List.of(), true, "0.0.0.0");
        assertThat(hosts.acceptsAny()).isFalse();
        assertThat(hosts.allows("192.168.1.5:8080")).isFalse();
    }

    @Test
    void productionOnAPublicAddressAnswersThatAddress() {
        HostAllowList hosts = HostAllowList.of(List.of(), false, "10.1.2.3");
        assertThat(hosts.allows("10.1.2.3:8080")).isTrue();
        assertThat(hosts.allows("evil.example")).isFalse();
        assertThat(HostAllowList.of(List.of(), false, "0.0.0.0").acceptsAny()).isTrue();
    }

    @Test
    void aConfiguredListIsUsedWithoutPortsAndCase() {
        HostAllowList hosts = HostAllowList.of(List.of("App.Example.com", "other.example:443"), false, "0.0.0.0");
        assertThat(hosts.allows("app.example.com")).isTrue();
        assertThat(hosts.allows("APP.example.com:8443")).isTrue();
        assertThat(hosts.allows("other.example")).isTrue();
        assertThat(hosts.allows("evil.example")).isFalse();
        assertThat(HostAllowList.of(List.of("*"), false, null).allows("anything")).isTrue();
    }

    @Test
    void ipv6LiteralsAreComparedWithoutTheirPort() {
        assertThat(HostAllowList.withoutPort("[::1]:8080")).isEqualTo("[::1]");
        assertThat(HostAllowList.withoutPort("::1")).isEqualTo("[::1]");
        assertThat(HostAllowList.withoutPort("Example.COM:80")).isEqualTo("example.com");
    }
}
