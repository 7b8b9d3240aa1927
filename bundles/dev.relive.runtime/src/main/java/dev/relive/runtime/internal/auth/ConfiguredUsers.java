package dev.relive.runtime.internal.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import dev.relive.api.User;
import dev.relive.api.security.Authenticator;

/**
 * The runtime's own {@link Authenticator}: the {@link ConfiguredUser}s. An unknown name costs one hash, like a wrong
 * password, so that timing does not tell which names exist.
 */
@Component(service = Authenticator.class, property = "service.ranking:Integer=-100")
public class ConfiguredUsers implements Authenticator {

    private final Map<String, ConfiguredUser> byName = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addUser(ConfiguredUser user) {
        byName.put(user.user().id(), user);
    }

    void removeUser(ConfiguredUser user) {
        byName.remove(user.user().id(), user);
    }

    @Override
    public Optional<User> authenticate(String name, char[] password) {
        ConfiguredUser user = name == null ? null : byName.get(name.strip());
        if (user == null) {
            PasswordHash.matches(password, Decoy.HASH);
            return Optional.empty();
        }
        return user.passwordMatches(password) ? Optional.of(user.user()) : Optional.empty();
    }

    /** Made on the first unknown name, not at start. */
    private static final class Decoy {
        static final String HASH = PasswordHash.of("not a password".toCharArray());
    }
}
