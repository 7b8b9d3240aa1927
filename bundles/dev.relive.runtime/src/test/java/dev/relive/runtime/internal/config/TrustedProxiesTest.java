package dev.relive.runtime.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;

import org.junit.jupiter.api.Test;

import jakarta.servlet.http.HttpServletRequest;

class TrustedProxiesTest {

    private final TrustedProxies nginx = TrustedProxies.of(List.of("127.0.0.1"));

    @Test
    void withNoTrustedProxyTheHeaderIsIgnored() {
        TrustedProxies none = TrustedProxies.of(List.of());
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.clientAddress("127.0.0.1", List.of("203.0.113.7"))).isEqualTo("127.0.0.1");
    }

    @Test
    void aRequestFromAnUntrustedPeerIsThePeersWhateverItForwards() {
        assertThat(nginx.clientAddress("198.51.100.4", List.of("203.0.113.7"))).isEqualTo("198.51.100.4");
    }

    @Test
    void aTrustedProxyNamesTheClientItGotTheRequestFrom() {
        assertThat(nginx.clientAddress("127.0.0.1", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void whatTheClientWroteAtTheLeftIsIgnored() {
        // the client sent "X-Forwarded-For: 10.9.9.9"; nginx appended the address it saw
        assertThat(nginx.clientAddress("127.0.0.1", List.of("10.9.9.9, 203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void chainsOfTrustedProxiesAreWalkedFromTheRight() {
        TrustedProxies two = TrustedProxies.of(List.of("127.0.0.1", "10.0.0.0/8"));
        assertThat(two.clientAddress("127.0.0.1", List.of("1.2.3.4, 203.0.113.7, 10.1.2.3")))
                .isEqualTo("203.0.113.7");
        // several header lines count as one list, in order
        assertThat(two.clientAddress("127.0.0.1", List.of("1.2.3.4, 203.0.113.7", "10.1.2.3")))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void whenEveryEntryIsTrustedTheLeftmostIsTheClient() {
        TrustedProxies lan = TrustedProxies.of(List.of("10.0.0.0/8", "127.0.0.1"));
        assertThat(lan.clientAddress("127.0.0.1", List.of("10.0.0.9, 10.0.0.5"))).isEqualTo("10.0.0.9");
    }

    @Test
    void withoutAHeaderOrWithGarbageTheLastReadableHopIsTheClient() {
        assertThat(nginx.clientAddress("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
        assertThat(nginx.clientAddress("127.0.0.1", List.of("unknown"))).isEqualTo("127.0.0.1");
        assertThat(nginx.clientAddress("127.0.0.1", List.of("203.0.113.7, evil.example"))).isEqualTo("127.0.0.1");
        assertThat(nginx.clientAddress("127.0.0.1", List.of(" , "))).isEqualTo("127.0.0.1");
    }

    @Test
    void portsAndBracketsAreTakenOffAndIpv6IsCompared() {
        TrustedProxies v6 = TrustedProxies.of(List.of("::1", "fd00::/8"));
        assertThat(v6.trusts("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(v6.trusts("[::1]")).isTrue();
        assertThat(v6.trusts("fd12:3456::1")).isTrue();
        assertThat(v6.trusts("fe80::1")).isFalse();
        assertThat(v6.trusts("127.0.0.1")).isFalse();
        assertThat(v6.clientAddress("[0:0:0:0:0:0:0:1]", List.of("203.0.113.7:51234"))).isEqualTo("203.0.113.7");
        assertThat(v6.clientAddress("::1", List.of("[2001:db8::5]:443"))).isEqualTo("2001:db8:0:0:0:0:0:5");
    }

    @Test
    void cidrRangesCoverTheirPrefixOnly() {
        TrustedProxies ranges = TrustedProxies.of(List.of("192.168.4.0/22", "172.16.0.1/32"));
        assertThat(ranges.trusts("192.168.7.255")).isTrue();
        assertThat(ranges.trusts("192.168.8.0")).isFalse();
        assertThat(ranges.trusts("172.16.0.1")).isTrue();
        assertThat(ranges.trusts("172.16.0.2")).isFalse();
        assertThat(TrustedProxies.of(List.of("0.0.0.0/0")).trusts("8.8.8.8")).isTrue();
    }

    @Test
    void namesAndMalformedEntriesAreLeftOutNeverResolved() {
        TrustedProxies odd = TrustedProxies.of(List.of("proxy.internal", "10.0.0.1/33", "10.0.0.1/x", "", "10.0.0.2"));
        assertThat(odd.isEmpty()).isFalse();
        assertThat(odd.trusts("10.0.0.2")).isTrue();
        assertThat(odd.trusts("10.0.0.1")).isFalse();
        assertThat(odd.trusts("localhost")).isFalse();
        assertThat(TrustedProxies.of(List.of("proxy.internal")).isEmpty()).isTrue();
    }

    @Test
    void aTrustedProxySaysWhetherTheBrowserUsedHttps() {
        assertThat(nginx.forwardedOverHttps(request("127.0.0.1", "https"))).isTrue();
        assertThat(nginx.forwardedOverHttps(request("127.0.0.1", "HTTPS, http"))).as("the first hop's").isTrue();
        assertThat(nginx.forwardedOverHttps(request("127.0.0.1", "http"))).isFalse();
        assertThat(nginx.forwardedOverHttps(request("127.0.0.1", null))).isFalse();
        assertThat(nginx.forwardedOverHttps(request("203.0.113.7", "https"))).as("anyone else's word").isFalse();
        assertThat(TrustedProxies.of(List.of()).forwardedOverHttps(request("127.0.0.1", "https"))).isFalse();
    }

    private static HttpServletRequest request(String peer, String forwardedProto) {
        return (HttpServletRequest) Proxy.newProxyInstance(TrustedProxiesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "getHeader" -> "X-Forwarded-Proto".equalsIgnoreCase((String) args[0]) ? forwardedProto : null;
                    default -> null;
                });
    }
}
