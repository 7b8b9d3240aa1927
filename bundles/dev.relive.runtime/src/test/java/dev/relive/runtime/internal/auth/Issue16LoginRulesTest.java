package dev.relive.runtime.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

import dev.relive.api.RolesAllowed;
import dev.relive.api.User;

/** Where the login form may send a user back to, how attempts are limited, and who may see which view. */
class Issue16LoginRulesTest {

    @Test
    void nextMustBeALocalPath() {
        for (String ok : new String[] {"/", "/account", "/account?tab=2&x=%2F", "/a/b#c"}) {
            assertThat(LocalPath.allowed(ok)).as(ok).isTrue();
        }
        for (String bad : new String[] {null, "", "account", "//evil.example", "/\\evil.example",
                "https://evil.example/", "javascript:alert(1)", "/a\r\nSet-Cookie: x=1", "/a\\b", " /a"}) {
            assertThat(LocalPath.allowed(bad)).as(String.valueOf(bad)).isFalse();
            assertThat(LocalPath.orRoot(bad)).isEqualTo("/");
        }
        assertThat(ViewAccess.loginUrl("/account?tab=2")).isEqualTo("/login?next=%2Faccount%3Ftab%3D2");
        assertThat(ViewAccess.loginUrl("//evil.example")).isEqualTo("/login?next=%2F");
    }

    @Test
    void attemptsAreLimitedPerAddressAndPerName() {
        AtomicLong now = new AtomicLong();
        LoginAttempts attempts = new LoginAttempts(3, now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(attempts.tryAttempt("10.0.0.1", "user" + i)).isTrue();
        }
        assertThat(attempts.tryAttempt("10.0.0.1", "another")).as("fourth from one address").isFalse();
        for (int i = 0; i < 3; i++) {
            assertThat(attempts.tryAttempt("10.0.1." + i, "Ada")).isTrue();
        }
        assertThat(attempts.tryAttempt("10.0.2.1", " ada ")).as("fourth for one name, any case").isFalse();
        now.addAndGet(61_000_000_000L);
        assertThat(attempts.tryAttempt("10.0.0.1", "ada")).as("a minute later").isTrue();
    }

    @Test
    void attemptsFromManyAddressesKeepABoundedTable() {
        LoginAttempts attempts = new LoginAttempts(1, () -> 0L);
        for (int i = 0; i < LoginAttempts.MAX_KEYS * 2; i++) {
            attempts.tryAttempt("addr" + i, "name" + i);
        }
        assertThat(attempts.tryAttempt("addr0", "name0")).as("the oldest keys were dropped").isTrue();
    }

    @Test
    void aViewWithoutRolesIsPublicAndOneWithRolesNeedsOne() {
        User ada = new User("ada", "Ada", Set.of("user"));
        User bob = new User("bob", null, Set.of("guest"));
        assertThat(ViewAccess.decide(view(null), Optional.empty())).isEqualTo(ViewAccess.Decision.ALLOW);
        assertThat(ViewAccess.decide(null, Optional.empty())).isEqualTo(ViewAccess.Decision.ALLOW);
        ServiceReference<?> account = view(new String[] {"user", "admin"});
        assertThat(ViewAccess.decide(account, Optional.empty())).isEqualTo(ViewAccess.Decision.SIGN_IN);
        assertThat(ViewAccess.decide(account, Optional.of(ada))).isEqualTo(ViewAccess.Decision.ALLOW);
        assertThat(ViewAccess.decide(account, Optional.of(bob))).isEqualTo(ViewAccess.Decision.FORBIDDEN);
        ServiceReference<?> anyone = view(RolesAllowed.ANY_USER);
        assertThat(ViewAccess.decide(anyone, Optional.of(bob))).isEqualTo(ViewAccess.Decision.ALLOW);
        assertThat(ViewAccess.decide(anyone, Optional.empty())).isEqualTo(ViewAccess.Decision.SIGN_IN);
        assertThat(bob.name()).isEqualTo("bob");
    }

    @Test
    void theQueryComesBackEncoded() {
        assertThat(ViewAccess.pathAndQuery("/tasks", Map.of("q", "a b&c"))).isEqualTo("/tasks?q=a+b%26c");
    }

    private static ServiceReference<?> view(Object roles) {
        return (ServiceReference<?>) Proxy.newProxyInstance(Issue16LoginRulesTest.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return RolesAllowed.PROPERTY.equals(args[0]) ? roles : null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
