package dev.relive.runtime.internal.auth;

import org.osgi.service.component.annotations.Component;

/**
 * Gogo {@code relive:passwordhash PASSWORD}: the hash to put in a user's {@code password_hash} (see
 * {@link ConfiguredUser}).
 */
@Component(service = PasswordHashCommand.class,
        property = {"osgi.command.scope=relive", "osgi.command.function=passwordhash"})
public class PasswordHashCommand {

    public String passwordhash(String password) {
        return PasswordHash.of(password.toCharArray());
    }
}
