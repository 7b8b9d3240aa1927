package dev.relive.api.security;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

import dev.relive.api.User;

/**
 * Checks the name and password typed into the login form. The runtime uses the highest-ranking {@code
 * Authenticator} service; its own, of ranking -100, knows the users configured under the factory PID {@code
 * dev.relive.users}.
 *
 * <p>Threading: called concurrently, from HTTP request threads; may block (a directory lookup). The runtime
 * limits how often it is called per address and per name before it gets here.
 */
@ConsumerType
public interface Authenticator {

    /**
     * The user {@code name} and {@code password} identify, or empty when they do not. Must take about as long for
     * an unknown name as for a wrong password, so that timing does not tell which names exist.
     */
    Optional<User> authenticate(String name, char[] password);
}
