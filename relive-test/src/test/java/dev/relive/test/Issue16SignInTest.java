package dev.relive.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A view only signed-in users see ({@code /account}, {@code @RolesAllowed("user")}) in the harness: refused before
 * signing in, mounted after, over a socket carrying the browser's session cookie, and each browser's user seeing
 * their own data.
 */
@ReliveTest(classPathBundles = "dev.relive.examples.account")
class Issue16SignInTest {

    @BeforeAll
    static void users(LiveRuntime relive) {
        for (String name : new String[] {"alice", "bert", "carol", "dora"}) {
            relive.addUser(name, name + "-pw", "user");
        }
        relive.addUser("guest", "guest-pw", "visitor");
    }

    @Test
    void aProtectedViewIsRefusedBeforeSigningIn(LiveRuntime relive) {
        assertThatThrownBy(() -> relive.mount("/account")).hasMessageContaining("answered 303 (to /login");
        assertThat(relive.get("/account").headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).startsWith("/login"));
    }

    @Test
    void aProtectedViewMountsAfterSigningIn(LiveRuntime relive) {
        LiveBrowser alice = relive.signIn("alice", "alice-pw");
        assertThat(alice.cookie("relive_session")).isNotEmpty();
        try (LivePage page = alice.mount("/account")) {
            assertThat(page.text("#account-id")).isEqualTo("alice");
            assertThat(page.text("#account-roles")).isEqualTo("user");
            assertThat(page.title()).isEqualTo("Account of alice");

            page.fill("#note-input", "a note").submit("#note-form");
            assertThat(page.text("#note")).isEqualTo("a note");
        }
    }

    @Test
    void twoBrowsersSignedInAsTwoUsersSeeTheirOwnData(LiveRuntime relive) {
        LiveBrowser bert = relive.signIn("bert", "bert-pw");
        LiveBrowser carol = relive.signIn("carol", "carol-pw");
        try (LivePage bertsPage = bert.mount("/account"); LivePage carolsPage = carol.mount("/account")) {
            bertsPage.fill("#note-input", "bert's note").submit("#note-form");
            carolsPage.fill("#note-input", "carol's note").submit("#note-form");
            assertThat(bertsPage.text("#note")).isEqualTo("bert's note");
        }
        try (LivePage again = bert.mount("/account"); LivePage carols = carol.mount("/account")) {
            assertThat(again.text("#account-id")).isEqualTo("bert");
            assertThat(again.text("#note")).isEqualTo("bert's note");
            assertThat(carols.text("#account-id")).isEqualTo("carol");
            assertThat(carols.text("#note")).isEqualTo("carol's note");
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndTheBrowserStaysSignedOut(LiveRuntime relive) {
        LiveBrowser browser = relive.browser();
        assertThatThrownBy(() -> browser.signIn("alice", "not-her-password")).hasMessageContaining("answered 401")
                .hasMessageContaining("Wrong name or password");
        assertThatThrownBy(() -> browser.mount("/account")).hasMessageContaining("answered 303");
    }

    @Test
    void aUserWithoutTheRoleIsRefused(LiveRuntime relive) {
        LiveBrowser guest = relive.signIn("guest", "guest-pw");
        assertThatThrownBy(() -> guest.mount("/account")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /account answered 403");
    }

    @Test
    void afterSigningOutTheViewIsRefusedAgain(LiveRuntime relive) {
        LiveBrowser dora = relive.signIn("dora", "dora-pw");
        String session = dora.cookie("relive_session");
        try (LivePage open = dora.mount("/account")) {
            dora.signOut();
            assertThat(open.awaitFrame("redirect", Duration.ofSeconds(20)).path("url").asText())
                    .as("the open tab is sent to the login page").startsWith("/login");
        }
        assertThat(dora.cookie("relive_session")).isNotEqualTo(session);
        assertThatThrownBy(() -> dora.mount("/account")).hasMessageContaining("answered 303");

        dora.signIn("dora", "dora-pw");
        try (LivePage page = dora.mount("/account")) {
            assertThat(page.text("#account-id")).isEqualTo("dora");
        }
    }
}
