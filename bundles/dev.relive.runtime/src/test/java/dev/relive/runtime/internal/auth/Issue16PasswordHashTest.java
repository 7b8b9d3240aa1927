package dev.relive.runtime.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Passwords are kept as salted PBKDF2 hashes, never in clear, and only a well-formed hash can match. */
class Issue16PasswordHashTest {

    @Test
    void aHashMatchesItsPasswordOnly() {
        String hash = PasswordHash.of("correct horse".toCharArray(), 20_000);
        assertThat(PasswordHash.matches("correct horse".toCharArray(), hash)).isTrue();
        assertThat(PasswordHash.matches("correct horsE".toCharArray(), hash)).isFalse();
        assertThat(PasswordHash.matches("".toCharArray(), hash)).isFalse();
        assertThat(hash).startsWith("pbkdf2-sha256$20000$").doesNotContain("correct horse");
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        String a = PasswordHash.of("secret".toCharArray(), 20_000);
        String b = PasswordHash.of("secret".toCharArray(), 20_000);
        assertThat(a).isNotEqualTo(b);
        assertThat(PasswordHash.matches("secret".toCharArray(), b)).isTrue();
    }

    @Test
    void theDefaultIterationCountIsHigh() {
        assertThat(PasswordHash.ITERATIONS).isGreaterThanOrEqualTo(600_000);
        assertThat(PasswordHash.of("x".toCharArray())).startsWith("pbkdf2-sha256$600000$");
    }

    @Test
    void aPasswordInClearOrAWeakOrBrokenHashNeverMatches() {
        for (String bad : new String[] {"secret", "", null, "pbkdf2-sha256$1000$c2FsdHNhbHQ=$"
                + "aGFzaGhhc2hoYXNoaGFzaA==", "pbkdf2-sha256$x$y$z", "md5$20000$c2FsdHNhbHQ=$aGFzaA=="}) {
            assertThat(PasswordHash.wellFormed(bad)).as(String.valueOf(bad)).isFalse();
            assertThat(PasswordHash.matches("secret".toCharArray(), bad)).as(String.valueOf(bad)).isFalse();
        }
    }

    @Test
    void aConfiguredUserWithAPasswordInClearCannotSignIn() {
        ConfiguredUser clear = new ConfiguredUser("eve", "", java.util.Set.of("user"), "secret");
        assertThat(clear.passwordMatches("secret".toCharArray())).isFalse();
    }

    @Test
    void rolesFromACfgFileAreSplitAtCommas() {
        assertThat(ConfiguredUser.roles(new String[] {"user, admin", "ops"})).containsExactlyInAnyOrder("user",
                "admin", "ops");
    }
}
