package dev.relive.runtime.internal.auth;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.relive.api.User;

/**
 * One user of the built-in login, from a configuration of the factory PID {@value #PID} (e.g. a file
 * {@code dev.relive.users-demo.cfg} in {@code deploy/}: the launcher's file installer takes what follows the first
 * {@code -} as the configuration's name). A configuration whose {@code password_hash} is not a
 * {@link PasswordHash} (a password in clear, say) is logged and never matches.
 */
@Designate(ocd = ConfiguredUser.Config.class, factory = true)
@Component(service = ConfiguredUser.class, configurationPid = ConfiguredUser.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class ConfiguredUser {

    static final String PID = "dev.relive.users";
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredUser.class);

    @ObjectClassDefinition(name = "Relive user", description = "A user of the built-in login form.")
    public @interface Config {
        @AttributeDefinition(description = "The name typed into the login form; also the user's id.")
        String name();

        @AttributeDefinition(description = "The name shown to others; empty: the login name.")
        String display__name() default "";

        @AttributeDefinition(description = "Roles, checked by @RolesAllowed.")
        String[] roles() default {};

        @AttributeDefinition(description = "pbkdf2-sha256$ITERATIONS$SALT$HASH, from relive:passwordhash.")
        String password__hash();
    }

    private final User user;
    private final String passwordHash;

    @Activate
    public ConfiguredUser(Config config) {
        this(config.name(), config.display__name(), roles(config.roles()), config.password__hash());
    }

    /** Roles as listed, each entry possibly several separated by commas (as a {@code .cfg} file gives them). */
    static Set<String> roles(String[] entries) {
        return Arrays.stream(entries).flatMap(e -> Arrays.stream(e.split(","))).map(String::strip)
                .filter(r -> !r.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public ConfiguredUser(String name, String displayName, Set<String> roles, String passwordHash) {
        this.user = new User(name.strip(), displayName, roles);
        this.passwordHash = passwordHash;
        if (PasswordHash.wellFormed(passwordHash)) {
            LOG.info("User {} configured, roles {}", user.id(), user.roles());
        } else {
            LOG.error("User {}: password_hash is not a {} hash (make one with relive:passwordhash); this user "
                    + "cannot sign in", user.id(), PasswordHash.SCHEME);
        }
    }

    User user() {
        return user;
    }

    /** The rounds of this user's hash; 0 when it is malformed (the user cannot sign in). */
    int hashIterations() {
        return PasswordHash.iterations(passwordHash);
    }

    boolean passwordMatches(char[] password) {
        return PasswordHash.matches(password, passwordHash);
    }
}
