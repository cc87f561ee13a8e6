package fr.carence.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Carence's roles. ADMIN implies PLANNER and FUNDER (see {@link SecurityConfiguration#roleHierarchy()}).
 * A caller without a role is anonymous: it reads public layers only.
 */
public enum Role {
    /** Runs and deletes scenarios. */
    PLANNER,
    /** Loads data and manages layers; also everything PLANNER and FUNDER may do. */
    ADMIN,
    /** Reads restricted layers (candidate sites before a call is published). */
    FUNDER;

    static final String AUTHORITY_PREFIX = "ROLE_";

    /** The Spring Security authority, e.g. ROLE_PLANNER. */
    public String authority() {
        return AUTHORITY_PREFIX + name();
    }

    /** The role named exactly (upper case, no prefix), or empty. */
    public static Optional<Role> parse(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }

    /** "PLANNER, ADMIN, FUNDER", for error messages. */
    public static String names() {
        return Arrays.stream(values()).map(Role::name).collect(Collectors.joining(", "));
    }

    static Optional<Role> fromAuthority(String authority) {
        return authority != null && authority.startsWith(AUTHORITY_PREFIX)
                ? parse(authority.substring(AUTHORITY_PREFIX.length())) : Optional.empty();
    }
}
