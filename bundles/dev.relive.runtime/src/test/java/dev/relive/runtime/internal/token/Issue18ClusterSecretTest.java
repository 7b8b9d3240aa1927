package dev.relive.runtime.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.relive.runtime.cluster.ClusterSecret;
import dev.relive.runtime.internal.registry.StubReference;
import dev.relive.runtime.internal.registry.ViewType;

/** Page tokens are signed with the cluster's key while a {@link ClusterSecret} is bound, else with the own key. */
class Issue18ClusterSecretTest {

    private final ViewType counter = new ViewType(new StubReference("a.CounterView"), null, "/counter",
            "a.CounterView");
    private final PageTokens tokens = new PageTokens(new TokenSigner(filled(1), Clock.systemUTC()), 60);
    private final ClusterSecret cluster = () -> filled(2);

    @Test
    void tokensOfTheClusterKeyVerifyOnEveryMemberHoldingIt() throws Exception {
        tokens.setClusterSecret(cluster);
        String token = tokens.sign(counter, "/counter", Map.of());

        PageTokens otherMember = new PageTokens(new TokenSigner(filled(3), Clock.systemUTC()), 60);
        otherMember.setClusterSecret(() -> filled(2));
        assertThat(otherMember.verify(token).view()).isEqualTo("a.CounterView");
    }

    @Test
    void aTokenOfTheOwnKeyIsRefusedOnceTheClusterKeyIsInUseAndAcceptedAgainWhenItGoes() throws Exception {
        String before = tokens.sign(counter, "/counter", Map.of());

        tokens.setClusterSecret(cluster);
        assertThatThrownBy(() -> tokens.verify(before)).isInstanceOf(TokenSigner.BadTokenException.class);

        tokens.unsetClusterSecret(cluster);
        assertThat(tokens.verify(before).route()).isEqualTo("/counter");
    }

    @Test
    void whenTheClusterKeyChangesTokensAreSignedAndCheckedWithTheNewOne() throws Exception {
        byte[][] key = {filled(2)};
        tokens.setClusterSecret(() -> key[0].clone());
        String before = tokens.sign(counter, "/counter", Map.of());

        key[0] = filled(4); // this member merged into a cluster that started apart from it, and took its key
        assertThatThrownBy(() -> tokens.verify(before)).isInstanceOf(TokenSigner.BadTokenException.class);
        String after = tokens.sign(counter, "/counter", Map.of());
        PageTokens otherMember = new PageTokens(new TokenSigner(filled(3), Clock.systemUTC()), 60);
        otherMember.setClusterSecret(() -> filled(4));
        assertThat(otherMember.verify(after).view()).isEqualTo("a.CounterView");
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }
}
