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

    /**
     * An unknown name costs a hash of as many rounds as the users' hashes have: a fixed 600,000 beside users hashed
     * with fewer (or more) told which names exist by the time an answer took.
     */
    @Test
    void anUnknownNameCostsAHashOfTheRoundsMostUsersHave() {
        ConfiguredUsers users = new ConfiguredUsers();
        assertThat(users.usualIterations()).isEqualTo(PasswordHash.ITERATIONS);
        users.addUser(user("ada", 20_000));
        users.addUser(user("bob", 20_000));
        users.addUser(user("cy", 30_000));
        users.addUser(new ConfiguredUser("eve", "", java.util.Set.of("user"), "secret"));
        assertThat(users.usualIterations()).isEqualTo(20_000);
        users.addUser(user("dee", 30_000));
        assertThat(users.usualIterations()).as("a tie: the more rounds").isEqualTo(30_000);

        assertThat(users.authenticate("nobody", "ada-pw".toCharArray())).isEmpty();
        assertThat(users.authenticate("ada", "ada-pw".toCharArray())).isPresent();
        assertThat(users.authenticate("ada", "bob-pw".toCharArray())).isEmpty();
    }

    private static ConfiguredUser user(String name, int iterations) {
        return new ConfiguredUser(name, name, java.util.Set.of("user"),
                PasswordHash.of((name + "-pw").toCharArray(), iterations));
    }

    @Test
    void rolesFromACfgFileAreSplitAtCommas() {
        assertThat(ConfiguredUser.roles(new String[] {"user, admin", "ops"})).containsExactlyInAnyOrder("user",
                "admin", "ops");
    }
}
