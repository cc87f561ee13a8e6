package fr.carence.ogc.security;

import java.util.Set;

/**
 * The roles of whoever makes the current request, as the layer read rules name them
 * ({@code PLANNER}, {@code ADMIN}, {@code FUNDER}: no {@code ROLE_} prefix, role hierarchy already
 * applied). The OGC module knows nothing of how callers authenticate; the application supplies
 * the implementation. Asked at every catalogue call, so one shared service serves every caller.
 */
@FunctionalInterface
public interface CallerRoles {

    /** The current caller's roles; empty for an anonymous caller. */
    Set<String> current();

    /** No role: only public layers are readable. The default when the application supplies none. */
    static CallerRoles anonymous() {
        return Set::of;
    }
}
