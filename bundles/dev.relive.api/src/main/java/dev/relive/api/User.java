package dev.relive.api;

import java.util.Set;

/**
 * A signed-in user as views see it: a stable {@code id}, a {@code name} to show, and the {@code roles} access rules
 * ({@link RolesAllowed}) are checked against. Immutable.
 */
public record User(String id, String name, Set<String> roles) {

    public User {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a user needs an id");
        }
        name = name == null || name.isBlank() ? id : name;
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** Whether this user has {@code role}. */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
