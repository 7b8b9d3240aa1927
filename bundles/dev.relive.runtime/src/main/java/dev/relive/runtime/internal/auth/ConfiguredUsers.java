package dev.relive.runtime.internal.auth;

import java.util.Comparator;
import java.util.HashMap;
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
 * The runtime's own {@link Authenticator}: the {@link ConfiguredUser}s. An unknown name costs one hash of a decoy
 * with as many rounds as most configured users' hashes have, like a wrong password, so that timing does not tell which
 * names exist (whatever rounds the hashes were made with).
 */
@Component(service = Authenticator.class, property = "service.ranking:Integer=-100")
public class ConfiguredUsers implements Authenticator {

    private final Map<String, ConfiguredUser> byName = new ConcurrentHashMap<>();
    /** Decoy hashes by their rounds, each made on the first unknown name that needs it. */
    private final Map<Integer, String> decoys = new ConcurrentHashMap<>();

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
            PasswordHash.matches(password, decoy(usualIterations()));
            return Optional.empty();
        }
        return user.passwordMatches(password) ? Optional.of(user.user()) : Optional.empty();
    }

    /** The rounds most users' hashes have (the most of those, on a tie); the default when there is no user. */
    int usualIterations() {
        Map<Integer, Integer> counts = new HashMap<>();
        for (ConfiguredUser user : byName.values()) {
            int iterations = user.hashIterations();
            if (iterations > 0) {
                counts.merge(iterations, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .max(Comparator.comparing(Map.Entry<Integer, Integer>::getValue).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).orElse(PasswordHash.ITERATIONS);
    }

    private String decoy(int iterations) {
        return decoys.computeIfAbsent(iterations, i -> PasswordHash.of("not a password".toCharArray(), i));
    }
}
